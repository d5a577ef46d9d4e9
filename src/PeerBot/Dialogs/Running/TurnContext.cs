using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Everything one turn works on. Free-text answers live in <see cref="TurnVariables"/> only, so they vanish with
/// the turn and never reach the persisted <see cref="DialogState"/>.
/// </summary>
internal sealed class TurnContext(DialogInput input, DialogState state, DialogCatalog catalog, string locale)
    : IAsyncDisposable
{
    private AsyncServiceScope? _scope;

    public DialogInput Input { get; } = input;
    public DialogState State { get; } = state;
    public DialogCatalog Catalog { get; } = catalog;
    public GlobalDefinition Global => Catalog.Global;
    public string Locale { get; set; } = locale;
    public List<OutgoingMessage> Messages { get; } = [];
    public List<DialogEvent> Events { get; } = [];
    public Dictionary<string, string> TurnVariables { get; } = new(StringComparer.Ordinal);

    public DialogFrame? Top => State.Stack.Count == 0 ? null : State.Stack[^1];

    public string Text(LocalizedText text, DialogFrame? frame) =>
        TemplateRenderer.Render(text.Get(Locale), name => Lookup(name, frame));

    public string Render(string template, DialogFrame? frame) =>
        TemplateRenderer.Render(template, name => Lookup(name, frame));

    public string? Lookup(string name, DialogFrame? frame) =>
        TurnVariables.TryGetValue(name, out var turn) ? turn
        : frame is not null && frame.Variables.TryGetValue(name, out var kept) ? kept
        : null;

    public string GlobalText(GlobalText key) => Global.Text(key, Locale);

    public void Say(string text) => Messages.Add(OutgoingMessage.Plain(text));

    public void Ask(string text, IReadOnlyList<string> choices)
    {
        var hint = choices.Count == 0 ? null : TemplateRenderer.Render(GlobalText(Definitions.GlobalText.ReplyHint),
            name => name == "numbers" ? Numbers(choices.Count) : null);
        Messages.Add(new OutgoingMessage(text, choices) { ReplyHint = hint });
    }

    /// <summary>Services for steps that need the database or the directory (scoped), created on first use.</summary>
    public IServiceProvider Services(IServiceScopeFactory scopes)
    {
        _scope ??= scopes.CreateAsyncScope();
        return _scope.Value.ServiceProvider;
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is { } scope)
            await scope.DisposeAsync();
    }

    private string Numbers(int count)
    {
        if (count == 1)
            return "1";
        var head = string.Join(", ", Enumerable.Range(1, count - 1));
        return $"{head} {GlobalText(Definitions.GlobalText.Or)} {count}";
    }
}
