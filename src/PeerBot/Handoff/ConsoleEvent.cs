namespace PeerBot.Handoff;

/// <summary>
/// A live-console notification. Ids and kinds only, never content: the console fetches content through the
/// audited API. <see cref="PeerId"/> set: only that peer (and coordinators) receive it.
/// </summary>
public sealed record ConsoleEvent(string Type, Guid? HandoffId = null, string? PeerId = null, string? Detail = null)
{
    public const string Queue = "queue";
    public const string Message = "message";
    public const string Alert = "alert";
    public const string Escalation = "escalation";
    public const string Closed = "closed";
    public const string Reminder = "reminder";
    /// <summary>A client went quiet (missed scheduled check-ins): the coordinator board refreshes.</summary>
    public const string Quiet = "quiet";

    /// <summary>Only for coordinators (escalations, supervisor flags).</summary>
    public bool CoordinatorsOnly { get; init; }
}
