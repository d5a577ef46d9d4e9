namespace PeerBot.Handoff;

/// <summary>
/// Pages the on-call peer's phone (SMS) about a crisis handoff. A seam: the channels feature registers the Twilio
/// implementation; with none registered no page is sent. Receives ids, the tier and the wait only, never client
/// content.
/// </summary>
public interface IOnCallPager
{
    /// <summary>Pages whoever is on call now; true when at least one page was delivered to Twilio.</summary>
    Task<bool> PageAsync(Guid handoffId, string tier, Uri consoleLink, CancellationToken cancellationToken);

    /// <summary>
    /// Pages everyone on call now, one result per person (empty when paging is not configured; a single
    /// undelivered result with roster index -1 when a roster exists but nobody is on duty).
    /// </summary>
    Task<IReadOnlyList<PageDelivery>> PageOnCallAsync(OnCallPage page, CancellationToken cancellationToken);
}

/// <summary>What a page says: tier, how long the handoff has waited, why (new, still waiting, escalated), the link.</summary>
public sealed record OnCallPage(Guid HandoffId, string Tier, TimeSpan Waited, AlertKind Kind, Uri ConsoleLink);

/// <summary>One page to one person on the roster (by index, never the number) and whether Twilio accepted it.</summary>
public sealed record PageDelivery(int RosterIndex, bool Delivered, string Outcome);
