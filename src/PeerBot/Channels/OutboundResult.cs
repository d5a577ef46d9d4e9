namespace PeerBot.Channels;

/// <summary>What happened to one outbound message. Only <see cref="Failed"/> keeps it queued for a retry.</summary>
public enum OutboundResult
{
    Sent,
    /// <summary>Deliberately not sent (opted out, unreachable): the message is dropped, never retried.</summary>
    Suppressed,
    /// <summary>A transient failure: retry later.</summary>
    Failed,
}
