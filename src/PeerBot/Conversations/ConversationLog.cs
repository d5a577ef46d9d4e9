namespace PeerBot.Conversations;

internal static partial class ConversationLog
{
    [LoggerMessage(4001, LogLevel.Warning, "Rejected activity: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(4002, LogLevel.Information, "Duplicate activity for conversation {ConversationKey} acknowledged")]
    public static partial void Duplicate(ILogger logger, string conversationKey);

    [LoggerMessage(4003, LogLevel.Error, "Turn failed for conversation {ConversationKey}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(4004, LogLevel.Warning, "Send failed for conversation {ConversationKey} (outbox {OutboxId}, attempt {Attempt}); will retry")]
    public static partial void SendFailed(ILogger logger, Exception exception, string conversationKey, long outboxId, int attempt);

    [LoggerMessage(4005, LogLevel.Information, "Turn for conversation {ConversationKey}: tier {Tier}, mode {Mode}, {ReplyCount} replies")]
    public static partial void TurnCompleted(ILogger logger, string conversationKey, string tier, string mode, int replyCount);

    [LoggerMessage(4006, LogLevel.Warning, "Conversation {ConversationKey} changed on another replica; turn retried")]
    public static partial void ConcurrencyRetry(ILogger logger, string conversationKey);

    [LoggerMessage(4007, LogLevel.Warning, "Conversation {ConversationKey} has no usable reference; outbox {OutboxId} parked")]
    public static partial void NoReference(ILogger logger, string conversationKey, long outboxId);

    [LoggerMessage(4008, LogLevel.Error, "Outbox sweep failed; will try again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(4009, LogLevel.Critical, "Could not store the crisis reply for conversation {ConversationKey}; sending it directly")]
    public static partial void CrisisCommitFailed(ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(4010, LogLevel.Error, "Could not delete {Count} sent outbox rows; will try again")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, int count);
}
