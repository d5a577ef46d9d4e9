namespace PeerBot.Dialogs.Definitions;

/// <summary>
/// One step of a dialog. <see cref="Next"/> is the step to go to afterwards; when it is empty the dialog goes on
/// to the following step in the file, and after the last step it ends.
/// </summary>
public abstract record StepDefinition(string Id, int Line, string? Next)
{
    /// <summary>Steps this one may jump to (besides the following one), for reference and reachability checks.</summary>
    public virtual IEnumerable<string> Targets => Next is null ? [] : [Next];

    /// <summary>Whether the dialog may go on to the following step (no <see cref="Next"/> on some path).</summary>
    public virtual bool FallsThrough => Next is null;
}

/// <summary>Says something and goes on.</summary>
public sealed record MessageStep(string Id, int Line, string? Next, LocalizedText Text) : StepDefinition(Id, Line, Next);

/// <summary>Sets a variable to a templated value.</summary>
public sealed record SetStep(string Id, int Line, string? Next, string Variable, string Value)
    : StepDefinition(Id, Line, Next);

/// <summary>Runs another dialog and comes back; its result goes into <see cref="Save"/>.</summary>
public sealed record CallStep(string Id, int Line, string? Next, string Dialog, string? Save)
    : StepDefinition(Id, Line, Next);

/// <summary>Leaves this dialog for another one, without coming back.</summary>
public sealed record GoStep(string Id, int Line, string Dialog) : StepDefinition(Id, Line, null)
{
    public override bool FallsThrough => false;
}

/// <summary>Ends this dialog with an optional result for the dialog that called it.</summary>
public sealed record EndStep(string Id, int Line, string? Result) : StepDefinition(Id, Line, null)
{
    public override bool FallsThrough => false;
}

/// <summary>Goes to the first case whose condition holds, else to <see cref="Else"/>.</summary>
public sealed record BranchStep(string Id, int Line, IReadOnlyList<BranchCase> Cases, string Else)
    : StepDefinition(Id, Line, null)
{
    public override IEnumerable<string> Targets => Cases.Select(c => c.Next).Append(Else);

    public override bool FallsThrough => false;
}

public sealed record BranchCase(Condition When, string Next, int Line);
