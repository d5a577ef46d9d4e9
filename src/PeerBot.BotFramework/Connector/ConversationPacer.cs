namespace PeerBot.BotFramework.Connector;

/// <summary>
/// Keeps sends to one conversation under a channel's published per-conversation rate limits, so a burst (a long
/// reply split in several messages, a peer typing fast) waits a little instead of drawing 429s. Teams documents
/// "per bot per thread" limits of 7 messages per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour
/// (PROTOCOL.md §2.5);
/// other channels have none here. Calls for a conversation are already serialized by
/// <see cref="ConversationSendQueue"/>, which calls <see cref="WaitTurnAsync"/> inside that order.
/// </summary>
internal sealed class ConversationPacer(TimeProvider clock)
{
    private static readonly (int Count, TimeSpan Window)[] TeamsLimits =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private int _callsSinceSweep;

    /// <summary>The limits that apply to a channel, or none.</summary>
    public static IReadOnlyList<(int Count, TimeSpan Window)> LimitsFor(string? channelId) =>
        string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase) ? TeamsLimits : [];

    /// <summary>Waits until one more send to <paramref name="key"/> fits every limit, then records it.</summary>
    public async Task WaitTurnAsync(string key, IReadOnlyList<(int Count, TimeSpan Window)> limits, CancellationToken cancellationToken)
    {
        if (limits.Count == 0)
            return;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                SweepIfDue(now);
                if (!_recent.TryGetValue(key, out var sent))
                    _recent[key] = sent = new Queue<DateTimeOffset>();
                while (sent.Count > 0 && now - sent.Peek() >= Longest)
                    sent.Dequeue();
                wait = TimeSpan.Zero;
                foreach (var (count, window) in limits)
                {
                    // The count-th most recent send must be at least one window ago.
                    if (sent.Count < count)
                        continue;
                    var nth = sent.ElementAt(sent.Count - count);
                    var until = nth + window - now;
                    if (until > wait)
                        wait = until;
                }
                if (wait <= TimeSpan.Zero)
                {
                    sent.Enqueue(now);
                    return;
                }
            }
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (++_callsSinceSweep < 1000)
            return;
        _callsSinceSweep = 0;
        foreach (var (key, sent) in _recent.ToList())
        {
            if (sent.Count == 0 || now - sent.Last() >= Longest)
                _recent.Remove(key);
        }
    }
}
