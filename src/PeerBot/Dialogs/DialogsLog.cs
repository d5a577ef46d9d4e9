namespace PeerBot.Dialogs;

/// <summary>Dialog log lines: opaque conversation keys, dialog and step ids only (event ids 2xxx).</summary>
internal static partial class DialogsLog
{
    [LoggerMessage(2001, LogLevel.Debug, "Conversation {ConversationKey} started dialog {DialogId}")]
    public static partial void DialogStarted(ILogger logger, string conversationKey, string dialogId);

    [LoggerMessage(2002, LogLevel.Debug, "Conversation {ConversationKey} ended dialog {DialogId} with {Result}")]
    public static partial void DialogEnded(ILogger logger, string conversationKey, string dialogId, string result);

    [LoggerMessage(2003, LogLevel.Information,
        "Conversation {ConversationKey} gave up at {DialogId}/{StepId} after {Attempts} answers that did not fit")]
    public static partial void GaveUp(ILogger logger, string conversationKey, string dialogId, string stepId, int attempts);

    [LoggerMessage(2004, LogLevel.Warning,
        "Conversation {ConversationKey} was at {DialogId}/{StepId}, which no longer exists; restarted at the menu")]
    public static partial void PositionLost(ILogger logger, string conversationKey, string dialogId, string stepId);

    [LoggerMessage(2005, LogLevel.Information, "Loaded {Count} dialogs from {Folder}")]
    public static partial void Loaded(ILogger logger, int count, string folder);

    [LoggerMessage(2006, LogLevel.Debug, "Conversation {ConversationKey} used global command {Command}")]
    public static partial void Command(ILogger logger, string conversationKey, string command);

    [LoggerMessage(2007, LogLevel.Warning,
        "Conversation {ConversationKey}: step {DialogId}/{StepId} got a value it cannot use; skipped (check the dialog file)")]
    public static partial void StepValueUnusable(ILogger logger, string conversationKey, string dialogId, string stepId);
}
