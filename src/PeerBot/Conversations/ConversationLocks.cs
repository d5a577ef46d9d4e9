using System.Collections.Concurrent;

namespace PeerBot.Conversations;

/// <summary>
/// One turn at a time per conversation inside this process; different conversations run in parallel. Across
/// replicas the conversation row's version check catches the rare overlap.
/// </summary>
public sealed class ConversationLocks
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (entry.Users >= 0)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, releaseGate: false);
            throw;
        }
        return new Lease(this, key, entry);
    }

    private void Release(string key, Entry entry, bool releaseGate)
    {
        if (releaseGate)
            entry.Gate.Release();
        lock (entry)
        {
            entry.Users--;
            if (entry.Users == 0)
            {
                entry.Users = -1; // retired: late arrivals create a fresh entry
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Lease(ConversationLocks owner, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.Release(key, entry, releaseGate: true);
        }
    }
}
