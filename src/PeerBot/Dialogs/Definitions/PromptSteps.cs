namespace PeerBot.Dialogs.Definitions;

/// <summary>
/// A step that asks the client something and waits for the answer. After <c>max-tries</c> answers that do not fit,
/// the dialog goes to <see cref="GiveUp"/>, or ends when there is none.
/// </summary>
public abstract record PromptStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp)
    : StepDefinition(Id, Line, Next)
{
    public override IEnumerable<string> Targets =>
        base.Targets.Concat(GiveUp is null ? [] : [GiveUp]);
}

/// <summary>
/// A choice between options; the chosen option's value goes into <c>save</c>, and its label, in the client's
/// language, into <see cref="SaveLabel"/> (for repeating the choice back: "every Monday").
/// </summary>
public sealed record ChoiceStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp,
    IReadOnlyList<ChoiceOption> Options, string? SaveLabel = null)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp)
{
    public override IEnumerable<string> Targets =>
        base.Targets.Concat(Options.Where(o => o.Next is not null).Select(o => o.Next!));

    public override bool FallsThrough => Next is null && Options.Any(o => o.Next is null);
}

public sealed record ChoiceOption(string Value, LocalizedText Label, LocalizedWords? Words, string? Next, int Line);

/// <summary>A whole number between <see cref="Min"/> and <see cref="Max"/>.</summary>
public sealed record NumberStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp,
    int Min, int Max)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp);

/// <summary>Yes or no; <c>save</c> gets <c>yes</c> or <c>no</c>.</summary>
public sealed record YesNoStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp,
    string? Yes, string? No)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp)
{
    public override IEnumerable<string> Targets =>
        base.Targets.Concat(new[] { Yes, No }.OfType<string>());

    public override bool FallsThrough => Next is null && (Yes is null || No is null);
}

/// <summary>
/// Free text. The answer is kept only until the end of the turn (privacy), so only steps that run in the same
/// turn (a resource search, saving a safety-plan part) can use it.
/// </summary>
public sealed record TextStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp);
