using System.Net.Http.Headers;

namespace PeerBot.BotFramework.Connector;

/// <summary>
/// When to retry a connector call and how long to wait (PROTOCOL.md §2.5): 429/412/502/503/504 are retried;
/// Retry-After is honoured; otherwise exponential backoff from the base delay, capped, with ±20% jitter.
/// </summary>
internal static class ConnectorRetryPolicy
{
    public static bool IsTransient(int statusCode) => statusCode is 429 or 412 or 502 or 503 or 504;

    /// <summary>The wait the server asked for, or null when it gave none.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    /// <summary>Backoff before retry number <paramref name="retry"/> (1-based).</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double jitterSample)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * jitterSample)));
    }
}
