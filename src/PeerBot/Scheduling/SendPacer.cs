namespace PeerBot.Scheduling;

/// <summary>
/// Spaces scheduled sends: an app-wide rate (token bucket of one second's burst) and, for Teams, at most N sends per
/// second to one conversation (PROTOCOL.md §2.5). Returns how long the caller must wait; the clock is injected, so
/// pacing is tested with a manual clock.
/// </summary>
public sealed class SendPacer(TimeProvider clock, double sendsPerSecond, int teamsPerConversationPerSecond)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextPerConversation = new(StringComparer.Ordinal);
    private DateTimeOffset _nextGlobal = DateTimeOffset.MinValue;

    /// <summary>Reserves a send slot and returns the delay until it (zero when it may go now).</summary>
    public TimeSpan Reserve(string conversationKey, string channelId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var at = now;
            if (sendsPerSecond > 0)
            {
                // A slot every 1/rate seconds; idle time earns at most one second of burst.
                var interval = Interval(sendsPerSecond);
                var earliest = now - TimeSpan.FromSeconds(1);
                if (_nextGlobal < earliest)
                    _nextGlobal = earliest;
                at = _nextGlobal > now ? _nextGlobal : now;
                _nextGlobal += interval;
            }
            if (channelId == "msteams")
            {
                var perConversation = Interval(teamsPerConversationPerSecond);
                if (_nextPerConversation.TryGetValue(conversationKey, out var next) && next > at)
                    at = next;
                _nextPerConversation[conversationKey] = at + perConversation;
            }
            return at - now;
        }
    }

    // Rounded up to whole ticks, so N slots never fit in less than a second.
    private static TimeSpan Interval(double perSecond) => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));

    /// <summary>Forgets per-conversation slots already in the past (keeps memory flat across batches).</summary>
    public void Trim()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var key in _nextPerConversation.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                _nextPerConversation.Remove(key);
        }
    }
}
