namespace PeerBot.Safety;

/// <summary>Safety log events (1xxx). Ids, tiers, categories and counts only: never client words.</summary>
internal static partial class SafetyLog
{
    [LoggerMessage(1001, LogLevel.Information, "Safety lexicon loaded: {Rules} rules, {Patterns} patterns, {Words} words in {ElapsedMs} ms")]
    public static partial void LexiconLoaded(ILogger logger, int rules, int patterns, int words, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Warning, "Sentiment source gave no answer within {TimeoutMs} ms; lexicon decides alone")]
    public static partial void SentimentTimedOut(ILogger logger, double timeoutMs);

    [LoggerMessage(1003, LogLevel.Warning, "Sentiment source failed ({ErrorType}); lexicon decides alone")]
    public static partial void SentimentFailed(ILogger logger, string errorType);

    [LoggerMessage(1004, LogLevel.Warning, "Distress {Tier} detected: {Category} (rule {RuleId})")]
    public static partial void DistressDetected(ILogger logger, DistressTier tier, string category, string ruleId);

    [LoggerMessage(1005, LogLevel.Warning, "Conversation escalated to high: {Count} moderate signals within the window")]
    public static partial void Escalated(ILogger logger, int count);

    [LoggerMessage(1006, LogLevel.Warning, "Client answered not safe (or not sure) to the crisis text's safety question")]
    public static partial void NotSafeAnswer(ILogger logger);
}
