namespace PeerBot.Handoff;

/// <summary>The signed-in console user acting on a handoff. <see cref="DisplayName"/> is all a client ever sees.</summary>
public sealed record PeerIdentity(string Id, string DisplayName, bool IsCoordinator, int? CaseloadCap = null);

public enum DeskStatus
{
    Ok,
    NotFound,
    Forbidden,
    Taken,
    AtCapacity,
    Invalid,
}

/// <summary>What a console action did: a value, not an exception (STYLE.md convention 8).</summary>
public sealed record DeskResult(DeskStatus Status, HandoffRequest? Handoff = null, bool DebriefDue = false)
{
    public static DeskResult Of(DeskStatus status) => new(status);
}
