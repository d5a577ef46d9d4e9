namespace PeerBot.Dialogs;

/// <summary>
/// The dialog stack and variables, persisted as JSON in the conversation row. Free-text answers are not kept here
/// beyond the turn that received them (privacy: DESIGN.md decision 5).
/// </summary>
public sealed class DialogState
{
    public List<DialogFrame> Stack { get; set; } = [];
    public string? Locale { get; set; }
}

public sealed class DialogFrame
{
    public required string DialogId { get; set; }
    public string? StepId { get; set; }
    public int Attempts { get; set; }
    public Dictionary<string, string> Variables { get; set; } = [];
}
