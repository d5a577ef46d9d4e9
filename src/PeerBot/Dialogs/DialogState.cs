namespace PeerBot.Dialogs;

/// <summary>
/// The dialog stack and variables, persisted as JSON in the conversation row. Free-text answers are not kept here
/// beyond the turn that received them (privacy: DESIGN.md decision 5); only choices, numbers and yes/no are.
/// </summary>
public sealed class DialogState
{
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>The client's chosen language (en, es), or null to follow the activity's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>Whether the client has been greeted (SMS has no join event, so the first message greets).</summary>
    public bool Welcomed { get; set; }

    /// <summary>Keys of <c>once</c> steps this client has passed (an offer made once, ever).</summary>
    public List<string> Marks { get; set; } = [];
}

/// <summary>One running dialog: where it is and its variables.</summary>
public sealed class DialogFrame
{
    public required string DialogId { get; set; }

    /// <summary>The step to run next, or the prompt waiting for an answer when <see cref="Waiting"/>.</summary>
    public string? StepId { get; set; }

    /// <summary>True while a prompt has been asked and waits for the client's answer.</summary>
    public bool Waiting { get; set; }

    /// <summary>Answers so far that did not fit the waiting prompt.</summary>
    public int Attempts { get; set; }

    /// <summary>Started by a global command or a peer offer: when it ends, the dialog below asks its question again.</summary>
    public bool Interruption { get; set; }

    public Dictionary<string, string> Variables { get; set; } = [];
}
