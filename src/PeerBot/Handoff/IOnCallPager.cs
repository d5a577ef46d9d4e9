namespace PeerBot.Handoff;

/// <summary>
/// Pages the on-call peer's phone (SMS) about a crisis handoff. A seam: the channels issue registers the Twilio
/// implementation; with none registered no page is sent. Receives ids and the tier only, never client content.
/// </summary>
public interface IOnCallPager
{
    Task<bool> PageAsync(Guid handoffId, string tier, Uri consoleLink, CancellationToken cancellationToken);
}
