using System.Diagnostics;
using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Running;

namespace PeerBot.Dialogs;

/// <summary>
/// Runs the scripted dialogs from <c>dialogs/</c> for one turn. Singleton: it keeps no per-conversation data; the
/// caller loads and saves <see cref="DialogState"/>. Steps that need the database get a scope per turn.
/// The safety scan runs before this, in the turn pipeline; the engine never judges distress.
/// Each turn's events are also written to <see cref="Diagnostics"/> (a <see cref="DiagnosticListener"/> named
/// <see cref="DiagnosticsName"/>) for in-process observers such as tests and tracing; nothing is written when no
/// one listens. Events carry no client words.
/// </summary>
public sealed class DialogEngine : IDisposable
{
    public const string DiagnosticsName = "PeerBot.Dialogs";

    /// <summary>The diagnostic event written after every turn; its payload is a <see cref="DialogTurnObserved"/>.</summary>
    public const string TurnEventName = "PeerBot.Dialogs.Turn";

    private readonly DialogCatalog _catalog;
    private readonly StepRunner _runner;
    private readonly AnswerHandler _answers;
    private readonly GlobalCommands _commands;
    private readonly ILogger<DialogEngine> _logger;

    public DialogEngine(DialogCatalog catalog, IServiceScopeFactory scopes, ILogger<DialogEngine> logger)
    {
        _catalog = catalog;
        _logger = logger;
        _runner = new StepRunner(new ActionRunner(scopes), logger);
        _answers = new AnswerHandler(_runner, logger);
        _commands = new GlobalCommands(_runner);
    }

    /// <summary>This engine's diagnostic events (one <see cref="TurnEventName"/> per turn).</summary>
    public DiagnosticListener Diagnostics { get; } = new(DiagnosticsName);

    public async Task<DialogTurnResult> RunAsync(DialogInput input, DialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        var locale = state.Locale ?? Locales.Normalize(input.Locale);
        await using var ctx = new TurnContext(input, state, _catalog, locale);

        if (input.Kind == DialogInputKind.Welcome)
        {
            state.Stack.Clear();
            state.Welcomed = true;
            StepRunner.Start(ctx, _catalog.Global.Welcome);
            await _runner.ContinueAsync(ctx, cancellationToken);
        }
        else
        {
            await MessageAsync(ctx, Words(input), cancellationToken);
        }

        var messages = Channels.ChannelIds.IsSms(input.ChannelId) ? Merge(ctx.Messages) : ctx.Messages;
        var result = new DialogTurnResult(messages, ctx.Events);
        if (Diagnostics.IsEnabled(TurnEventName))
            Diagnostics.Write(TurnEventName, new DialogTurnObserved(input.ConversationKey, result.Events));
        return result;
    }

    public void Dispose() => Diagnostics.Dispose();

    private async Task MessageAsync(TurnContext ctx, string text, CancellationToken cancellationToken)
    {
        var state = ctx.State;
        // Already asking? Then this message is the answer (or gets the retry), not a second offer.
        if (ctx.Input.OfferPeer && ctx.Top?.DialogId != _catalog.Global.PeerOffer)
        {
            // A moderate distress signal: offer a person first; the question that was waiting is asked again after.
            StepRunner.Start(ctx, _catalog.Global.PeerOffer, interruption: ctx.Top is not null);
            await _runner.ContinueAsync(ctx, cancellationToken);
            return;
        }

        var top = ctx.Top;
        var dialog = top is null ? null : _catalog.Find(top.DialogId);
        var waitingPrompt = top is { Waiting: true } ? dialog?.Find(top.StepId) as PromptStep : null;
        if (top is not null && (dialog is null || (top.Waiting && waitingPrompt is null)))
        {
            _runner.Restart(ctx);
            await _runner.ContinueAsync(ctx, cancellationToken);
            return;
        }

        var command = GlobalCommands.Recognize(ctx, text);
        if (command is { } word && !(waitingPrompt is not null && AnswerHandler.IsExactChoice(ctx, waitingPrompt, text)))
        {
            DialogsLog.Command(_logger, ctx.Input.ConversationKey, word.ToString());
            await _commands.RunAsync(ctx, word, cancellationToken);
            return;
        }

        if (waitingPrompt is not null)
        {
            await _answers.HandleAsync(ctx, top!, dialog!, waitingPrompt, text, cancellationToken);
            return;
        }

        if (top is null)
        {
            var first = state.Welcomed ? _catalog.Global.Main : _catalog.Global.Welcome;
            state.Welcomed = true;
            StepRunner.Start(ctx, first);
        }
        await _runner.ContinueAsync(ctx, cancellationToken);
        await AnswerRightAwayAsync(ctx, text, cancellationToken);
    }

    /// <summary>
    /// Someone who writes "check in" out of the blue gets the check-in, not the menu: when the menu's question
    /// matches the words exactly, the menu is skipped.
    /// </summary>
    private async Task AnswerRightAwayAsync(TurnContext ctx, string text, CancellationToken cancellationToken)
    {
        if (ctx.Top is not { Waiting: true } frame || ctx.Messages.Count == 0)
            return;
        var dialog = _catalog.Find(frame.DialogId)!;
        if (dialog.Find(frame.StepId) is not PromptStep prompt || !AnswerHandler.IsExactChoice(ctx, prompt, text))
            return;
        ctx.Messages.RemoveAt(ctx.Messages.Count - 1);
        await _answers.HandleAsync(ctx, frame, dialog, prompt, text, cancellationToken);
    }

    private static string Words(DialogInput input)
    {
        if (!input.Text.IsEmpty)
            return input.Text.Value;
        // Card buttons may submit a value instead of text.
        return input.Value is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() ?? string.Empty : string.Empty;
    }

    /// <summary>SMS does not keep the order of separate messages, so a turn's replies go out as one.</summary>
    private static List<OutgoingMessage> Merge(List<OutgoingMessage> messages)
    {
        if (messages.Count <= 1)
            return messages;
        var last = messages[^1];
        return [last with { Text = string.Join("\n\n", messages.Select(m => m.Text)) }];
    }
}
