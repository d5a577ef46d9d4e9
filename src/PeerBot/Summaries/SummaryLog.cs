namespace PeerBot.Summaries;

internal static partial class SummaryLog
{
    [LoggerMessage(8001, LogLevel.Information, "Conversation {ConversationKey}: consent {Action} (text version {Version})")]
    public static partial void Consent(ILogger logger, string conversationKey, string action, string? version);

    [LoggerMessage(8002, LogLevel.Information, "Summary {SummaryId} written for conversation {ConversationKey} ({Facts} facts)")]
    public static partial void SummaryWritten(ILogger logger, long summaryId, string conversationKey, int facts);

    [LoggerMessage(8003, LogLevel.Error, "A summary could not be encrypted; nothing was written")]
    public static partial void EncryptFailed(ILogger logger, Exception exception);

    [LoggerMessage(8004, LogLevel.Warning, "Name redaction failed ({Code}); free text withheld from the summary")]
    public static partial void RedactionFailed(ILogger logger, string code);

    [LoggerMessage(8005, LogLevel.Information, "Conversation {ConversationKey}: client data erased ({Rows} rows)")]
    public static partial void Erased(ILogger logger, string conversationKey, int rows);

    [LoggerMessage(8006, LogLevel.Information, "Conversation {ConversationKey}: erasure deferred until the open handoff closes")]
    public static partial void ErasureDeferred(ILogger logger, string conversationKey);

    [LoggerMessage(8007, LogLevel.Information, "Purged {Count} expired summaries")]
    public static partial void Purged(ILogger logger, int count);

    [LoggerMessage(8008, LogLevel.Error, "Privacy sweep failed; will try again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(8009, LogLevel.Critical, "Data Protection key ring cannot read data this database holds: refusing to start")]
    public static partial void KeyRingUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(8010, LogLevel.Error, "Summary for conversation {ConversationKey} failed; will try again")]
    public static partial void SummaryFailed(ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(8011, LogLevel.Warning, "Deleted content not yet scrubbed from the SQLite write-ahead log (a reader was busy); will try again")]
    public static partial void ScrubBusy(ILogger logger);

    [LoggerMessage(8012, LogLevel.Warning, "SECURITY: the Data Protection key ring is stored UNENCRYPTED in the database, next to the data it " +
        "protects: anyone with a copy of the database can read transcripts and summaries. Set PeerBot:Privacy:KeyCertificatePath " +
        "(+ KeyCertificatePassword) or KeyCertificateThumbprint")]
    public static partial void KeyRingUnprotected(ILogger logger);

    [LoggerMessage(8013, LogLevel.Information, "Data Protection keys are encrypted at rest with certificate {Thumbprint}")]
    public static partial void KeyRingProtected(ILogger logger, string thumbprint);
}
