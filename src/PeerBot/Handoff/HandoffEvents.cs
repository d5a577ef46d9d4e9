using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PeerBot.Handoff;

/// <summary>
/// Fan-out of <see cref="ConsoleEvent"/>s to connected consoles (server-sent events), and presence: a peer with an
/// open console stream is online (on this replica). Events reach this replica's consoles at once; on PostgreSQL
/// <see cref="PostgresConsoleFanOut"/> also sends them to the other replicas (NOTIFY) and delivers theirs here.
/// </summary>
public sealed class HandoffEvents
{
    private readonly ConcurrentDictionary<long, Subscriber> _subscribers = new();
    private Channel<ConsoleEvent>? _outbound;
    private long _next;

    public Subscription Subscribe(string accountId, string displayName, bool coordinator)
    {
        var channel = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var id = Interlocked.Increment(ref _next);
        _subscribers[id] = new Subscriber(accountId, displayName, coordinator, channel);
        return new Subscription(this, id, channel.Reader);
    }

    /// <summary>To this replica's consoles now, and to the other replicas when a fan-out is running.</summary>
    public void Publish(ConsoleEvent consoleEvent)
    {
        Deliver(consoleEvent);
        _outbound?.Writer.TryWrite(consoleEvent);
    }

    /// <summary>
    /// Starts copying every published event to the returned reader (the cross-replica fan-out sends them on).
    /// Bounded: if the database is unreachable for long, the oldest unsent events are dropped, never the process.
    /// </summary>
    public ChannelReader<ConsoleEvent> StartFanOut()
    {
        var channel = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(10_000)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        Interlocked.Exchange(ref _outbound, channel)?.Writer.TryComplete();
        return channel.Reader;
    }

    public void StopFanOut() => Interlocked.Exchange(ref _outbound, null)?.Writer.TryComplete();

    /// <summary>To this replica's consoles only (events that arrived from another replica).</summary>
    public void Deliver(ConsoleEvent consoleEvent)
    {
        ArgumentNullException.ThrowIfNull(consoleEvent);
        foreach (var subscriber in _subscribers.Values)
        {
            if (consoleEvent.CoordinatorsOnly && !subscriber.Coordinator)
                continue;
            if (consoleEvent.PeerId is not null && consoleEvent.PeerId != subscriber.AccountId && !subscriber.Coordinator)
                continue;
            subscriber.Channel.Writer.TryWrite(consoleEvent);
        }
    }

    /// <summary>Account ids with an open console, with their display names.</summary>
    public IReadOnlyDictionary<string, string> Online() =>
        _subscribers.Values
            .GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);

    public int OnlineCoordinators() => _subscribers.Values.Where(s => s.Coordinator).Select(s => s.AccountId).Distinct().Count();

    private void Remove(long id)
    {
        if (_subscribers.TryRemove(id, out var subscriber))
            subscriber.Channel.Writer.TryComplete();
    }

    private sealed record Subscriber(string AccountId, string DisplayName, bool Coordinator, Channel<ConsoleEvent> Channel);

    public sealed class Subscription(HandoffEvents owner, long id, ChannelReader<ConsoleEvent> reader) : IDisposable
    {
        public ChannelReader<ConsoleEvent> Reader { get; } = reader;

        public void Dispose() => owner.Remove(id);
    }
}
