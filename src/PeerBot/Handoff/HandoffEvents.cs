using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PeerBot.Handoff;

/// <summary>
/// Fan-out of <see cref="ConsoleEvent"/>s to connected consoles (server-sent events), and presence: a peer with an
/// open console stream is online. Events reach this replica's consoles at once; on PostgreSQL
/// <see cref="PostgresConsoleFanOut"/> also sends them to the other replicas (NOTIFY) and delivers theirs here, and
/// each replica announces who is online on it (at once on a change, and every few seconds), so
/// <see cref="Online"/> counts every replica's consoles; another replica's announcement lapses after
/// <see cref="PresenceLifetime"/> (a replica that died stops counting).
/// </summary>
public sealed class HandoffEvents
{
    /// <summary>How long another replica's announcement of who is online counts without being renewed.</summary>
    public static readonly TimeSpan PresenceLifetime = TimeSpan.FromSeconds(35);

    private readonly ConcurrentDictionary<long, Subscriber> _subscribers = new();
    private readonly ConcurrentDictionary<string, ReplicaPresence> _remote = new(StringComparer.Ordinal);
    private TaskCompletionSource _presenceChanged = NewSignal();
    private Channel<ConsoleEvent>? _outbound;
    private long _next;

    public Subscription Subscribe(string accountId, string displayName, bool coordinator)
    {
        var channel = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            // The console's stream writes the event on the publishing thread (a few microseconds, a flush that
            // does not wait for the network) instead of waiting its turn in the thread pool's queue: in a burst
            // of 50 crises that queue held events back by up to 200 ms.
            AllowSynchronousContinuations = true,
        });
        var id = Interlocked.Increment(ref _next);
        _subscribers[id] = new Subscriber(accountId, displayName, coordinator, channel);
        SignalPresence();
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

    /// <summary>Account ids with an open console on any replica, with their display names.</summary>
    public IReadOnlyDictionary<string, string> Online()
    {
        var online = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in Everyone())
            online.TryAdd(account.Id, account.Name);
        return online;
    }

    public int OnlineCoordinators() =>
        Everyone().Where(a => a.Coordinator).Select(a => a.Id).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Who has a console open on this replica (what it announces to the others).</summary>
    public IReadOnlyList<PresentAccount> LocalPresence() =>
        _subscribers.Values
            .GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .Select(g => new PresentAccount(g.Key, g.First().DisplayName, g.Any(s => s.Coordinator)))
            .ToList();

    /// <summary>Completes when someone opens or closes a console on this replica (then a new one is handed out).</summary>
    public Task PresenceChanged => Volatile.Read(ref _presenceChanged).Task;

    /// <summary>
    /// Another replica's announcement: part <paramref name="part"/> of <paramref name="parts"/> of its list number
    /// <paramref name="sequence"/>. A newer list replaces the older one; an empty list (a replica stopping) clears it.
    /// </summary>
    public void SetRemotePresence(string replica, long sequence, int part, int parts, IReadOnlyList<PresentAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(accounts);
        if (parts == 1 && accounts.Count == 0)
        {
            _remote.TryRemove(replica, out _);
            return;
        }
        var now = Environment.TickCount64;
        _remote.AddOrUpdate(replica,
            _ => ReplicaPresence.Start(sequence, part, accounts, now),
            (_, current) => current.With(sequence, part, accounts, now));
    }

    private IEnumerable<PresentAccount> Everyone()
    {
        foreach (var subscriber in _subscribers.Values)
            yield return new PresentAccount(subscriber.AccountId, subscriber.DisplayName, subscriber.Coordinator);
        var oldest = Environment.TickCount64 - (long)PresenceLifetime.TotalMilliseconds;
        foreach (var (replica, presence) in _remote)
        {
            if (presence.SeenAt < oldest)
            {
                _remote.TryRemove(new KeyValuePair<string, ReplicaPresence>(replica, presence));
                continue;
            }
            foreach (var account in presence.Accounts)
                yield return account;
        }
    }

    private void Remove(long id)
    {
        if (_subscribers.TryRemove(id, out var subscriber))
        {
            subscriber.Channel.Writer.TryComplete();
            SignalPresence();
        }
    }

    private void SignalPresence() => Interlocked.Exchange(ref _presenceChanged, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One replica's latest list (its parts so far) and when it was last heard.</summary>
    private sealed record ReplicaPresence(long Sequence, IReadOnlyDictionary<int, IReadOnlyList<PresentAccount>> Parts, long SeenAt)
    {
        public IEnumerable<PresentAccount> Accounts => Parts.Values.SelectMany(p => p);

        public static ReplicaPresence Start(long sequence, int part, IReadOnlyList<PresentAccount> accounts, long now) =>
            new(sequence, new Dictionary<int, IReadOnlyList<PresentAccount>> { [part] = accounts }, now);

        public ReplicaPresence With(long sequence, int part, IReadOnlyList<PresentAccount> accounts, long now)
        {
            if (sequence < Sequence)
                return this; // a late part of an older list
            if (sequence > Sequence)
                return Start(sequence, part, accounts, now);
            var parts = new Dictionary<int, IReadOnlyList<PresentAccount>>(Parts) { [part] = accounts };
            return new ReplicaPresence(sequence, parts, now);
        }
    }

    private sealed record Subscriber(string AccountId, string DisplayName, bool Coordinator, Channel<ConsoleEvent> Channel);

    public sealed class Subscription(HandoffEvents owner, long id, ChannelReader<ConsoleEvent> reader) : IDisposable
    {
        public ChannelReader<ConsoleEvent> Reader { get; } = reader;

        public void Dispose() => owner.Remove(id);
    }
}
