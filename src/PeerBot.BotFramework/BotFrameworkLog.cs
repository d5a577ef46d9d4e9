using Microsoft.Extensions.Logging;

namespace PeerBot.BotFramework;

/// <summary>
/// Protocol log messages (event ids 5xxx). They carry hosts, channel ids, status codes and categories only:
/// never conversation or user ids (on SMS those are phone numbers), tokens or message text.
/// </summary>
internal static partial class BotFrameworkLog
{
    [LoggerMessage(5001, LogLevel.Information, "Signing keys fetched from {MetadataHost}: {KeyCount} keys")]
    public static partial void KeysRefreshed(ILogger logger, string metadataHost, int keyCount);

    [LoggerMessage(5002, LogLevel.Warning, "Fetching signing keys from {MetadataHost} failed; keeping {KeyCount} cached keys")]
    public static partial void KeysRefreshFailed(ILogger logger, Exception exception, string metadataHost, int keyCount);

    [LoggerMessage(5003, LogLevel.Warning, "Inbound request rejected with {StatusCode}: {Reason}")]
    public static partial void AuthenticationRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(5004, LogLevel.Information, "Token signed with an unknown key; refreshing keys from {MetadataHost}")]
    public static partial void UnknownSigningKey(ILogger logger, string metadataHost);

    [LoggerMessage(5010, LogLevel.Warning, "Connector {Operation} to {Host} got {StatusCode}; retry {Attempt} in {DelayMs} ms")]
    public static partial void ConnectorRetrying(ILogger logger, string operation, string host, int? statusCode, int attempt, long delayMs);

    [LoggerMessage(5011, LogLevel.Error, "Connector {Operation} to {Host} failed with {StatusCode} {ErrorCode} after {Attempts} attempts (correlation {CorrelationId})")]
    public static partial void ConnectorFailed(ILogger logger, string operation, string host, int? statusCode, string? errorCode, int attempts, string? correlationId);

    [LoggerMessage(5012, LogLevel.Warning, "Connector {Operation} to unverified service host {Host}: sent without a token")]
    public static partial void UnverifiedServiceUrl(ILogger logger, string operation, string host);

    [LoggerMessage(5013, LogLevel.Information, "Connector {Operation} to {Host} got 401; renewing the token once")]
    public static partial void RenewingTokenAfter401(ILogger logger, string operation, string host);

    [LoggerMessage(5020, LogLevel.Information, "Outbound token acquired, expires {ExpiresOn:O}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);
}
