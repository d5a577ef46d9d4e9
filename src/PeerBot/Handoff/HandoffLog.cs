namespace PeerBot.Handoff;

internal static partial class HandoffLog
{
    [LoggerMessage(3001, LogLevel.Information, "Handoff {HandoffId} opened for conversation {ConversationKey}: reason {Reason}, tier {Tier}")]
    public static partial void Opened(ILogger logger, Guid handoffId, string conversationKey, string reason, string tier);

    [LoggerMessage(3002, LogLevel.Information, "Handoff {HandoffId} claimed by peer {PeerId} after {WaitSeconds}s")]
    public static partial void Claimed(ILogger logger, Guid handoffId, string peerId, double waitSeconds);

    [LoggerMessage(3003, LogLevel.Information, "Handoff {HandoffId} closed: {Outcome}")]
    public static partial void Closed(ILogger logger, Guid handoffId, string outcome);

    [LoggerMessage(3004, LogLevel.Information, "Handoff {HandoffId} back in the queue ({Why})")]
    public static partial void Requeued(ILogger logger, Guid handoffId, string why);

    [LoggerMessage(3005, LogLevel.Information, "Handoff {HandoffId} transferred to peer {PeerId}")]
    public static partial void Transferred(ILogger logger, Guid handoffId, string peerId);

    [LoggerMessage(3006, LogLevel.Warning, "Handoff {HandoffId} unclaimed past its limit {Limit}: re-notified {Recipients} online peers")]
    public static partial void Renotified(ILogger logger, Guid handoffId, TimeSpan limit, int recipients);

    [LoggerMessage(3007, LogLevel.Warning, "Handoff {HandoffId} unclaimed past twice its limit: escalated to coordinators")]
    public static partial void Escalated(ILogger logger, Guid handoffId);

    [LoggerMessage(3008, LogLevel.Warning, "Alert for handoff {HandoffId} to {Channel} failed")]
    public static partial void AlertFailed(ILogger logger, Exception exception, Guid handoffId, string channel);

    [LoggerMessage(3009, LogLevel.Error, "Handoff timers failed; will try again")]
    public static partial void TimersFailed(ILogger logger, Exception exception);

    [LoggerMessage(3010, LogLevel.Information, "Deleted {Count} expired transcript lines")]
    public static partial void TranscriptsSwept(ILogger logger, int count);

    [LoggerMessage(3011, LogLevel.Error, "Transcript sweep failed; will try again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(3012, LogLevel.Information, "Handoff {HandoffId}: peer {PeerId} reminded after {IdleSeconds}s without a message")]
    public static partial void IdleReminder(ILogger logger, Guid handoffId, string peerId, double idleSeconds);

    [LoggerMessage(3013, LogLevel.Information, "Handoff {HandoffId} debriefed by peer {PeerId}; flagged for supervisor: {Flagged}")]
    public static partial void Debriefed(ILogger logger, Guid handoffId, string peerId, bool flagged);

    [LoggerMessage(3015, LogLevel.Warning, "Handoff {HandoffId}: the client's channel refuses messages (403); peer told")]
    public static partial void ClientUnreachable(ILogger logger, Guid handoffId);

    [LoggerMessage(3014, LogLevel.Warning, "Console notification after commit failed")]
    public static partial void FlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(3016, LogLevel.Information, "Console fan-out listening on PostgreSQL channel {Channel}")]
    public static partial void FanOutListening(ILogger logger, string channel);

    [LoggerMessage(3017, LogLevel.Warning, "Console fan-out has no PostgreSQL listener; reconnecting in {DelayMs} ms")]
    public static partial void FanOutDisconnected(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(3018, LogLevel.Warning, "Console fan-out could not notify other replicas of {Count} events (attempt {Attempt})")]
    public static partial void FanOutNotifyFailed(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(3019, LogLevel.Warning, "Console fan-out ignored a malformed notification")]
    public static partial void FanOutBadPayload(ILogger logger);

    [LoggerMessage(3020, LogLevel.Error, "Alert {Kind} for handoff {HandoffId} failed; the SLA timers will alert again")]
    public static partial void AlertWorkerFailed(ILogger logger, Exception exception, Guid handoffId, string kind);
}
