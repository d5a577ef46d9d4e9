namespace PeerBot.Scheduling;

// Scheduling shares the Channels block (9xxx): 95xx.
internal static partial class SchedulingLog
{
    [LoggerMessage(9501, LogLevel.Information, "Schedule {ScheduleId} ({Kind}) set for conversation {ConversationKey}; next run {NextRunAt:O}")]
    public static partial void Scheduled(ILogger logger, Guid scheduleId, string kind, string conversationKey, DateTimeOffset nextRunAt);

    [LoggerMessage(9502, LogLevel.Information, "{Count} schedule(s) cancelled for conversation {ConversationKey}")]
    public static partial void Cancelled(ILogger logger, int count, string conversationKey);

    [LoggerMessage(9503, LogLevel.Information, "Conversation {ConversationKey} has gone quiet after {Missed} missed check-ins")]
    public static partial void GoneQuiet(ILogger logger, string conversationKey, int missed);

    [LoggerMessage(9504, LogLevel.Debug, "Schedule {ScheduleId} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, Guid scheduleId, string reason);

    [LoggerMessage(9505, LogLevel.Warning, "Scheduled batch lost its claim to another worker; nothing was sent")]
    public static partial void ClaimLost(ILogger logger);

    [LoggerMessage(9506, LogLevel.Error, "Scheduling pass failed; will try again")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(9507, LogLevel.Warning, "Scheduled send for conversation {ConversationKey} failed; left in the outbox for retry")]
    public static partial void SendFailed(ILogger logger, Exception? exception, string conversationKey);

    [LoggerMessage(9508, LogLevel.Warning, "Schedule request for conversation {ConversationKey} ignored: {Reason}")]
    public static partial void Rejected(ILogger logger, string conversationKey, string reason);
}
