namespace PeerBot.Channels;

internal static partial class ChannelsLog
{
    [LoggerMessage(9001, LogLevel.Warning, "Twilio webhook rejected: {Reason}")]
    public static partial void TwilioRejected(ILogger logger, string reason);

    [LoggerMessage(9002, LogLevel.Information, "SMS keyword {Keyword} for conversation {ConversationKey}")]
    public static partial void SmsKeyword(ILogger logger, string keyword, string conversationKey);

    [LoggerMessage(9003, LogLevel.Information, "Outbound message for conversation {ConversationKey} suppressed: {Reason}")]
    public static partial void Suppressed(ILogger logger, string conversationKey, string reason);

    [LoggerMessage(9004, LogLevel.Warning, "Conversation {ConversationKey} is unreachable ({Code}); proactive sends stop")]
    public static partial void Unreachable(ILogger logger, string conversationKey, string code);

    [LoggerMessage(9005, LogLevel.Warning, "Twilio send for conversation {ConversationKey} failed (HTTP {Status}, code {Code}); will retry")]
    public static partial void TwilioSendFailed(ILogger logger, string conversationKey, int? status, int? code);

    [LoggerMessage(9006, LogLevel.Information, "Twilio status {Status} (error {ErrorCode}) recorded for an outbound message")]
    public static partial void StatusRecorded(ILogger logger, string status, string? errorCode);

    [LoggerMessage(9007, LogLevel.Information, "Discreet mode {State} for conversation {ConversationKey}")]
    public static partial void Discreet(ILogger logger, string state, string conversationKey);

    [LoggerMessage(9008, LogLevel.Information, "On-call page for handoff {HandoffId} to roster entry {RosterIndex}: {Outcome}")]
    public static partial void Paged(ILogger logger, Guid handoffId, int rosterIndex, string outcome);

    [LoggerMessage(9009, LogLevel.Warning, "On-call page for handoff {HandoffId}: nobody is on call now")]
    public static partial void NobodyOnCall(ILogger logger, Guid handoffId);
}
