using System.Collections.Concurrent;

namespace PeerBot.Data;

/// <summary>
/// One writer at a time per SQLite file, queued in the process. SQLite allows a single writer; without this,
/// concurrent <c>SaveChanges</c> calls meet in SQLite's busy handler, which blocks a thread-pool thread and sleeps
/// in steps of up to 100 ms while the lock may already be free. Under a burst (50 crisis turns at once) that cost
/// seconds. Here a waiting writer awaits a semaphore (no thread held, no sleep) and gets the lock the moment the
/// previous save ends. Writers in other processes still meet in the busy handler (<see cref="SqlitePragmas"/>).
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string? connectionString) =>
        Gates.GetOrAdd(connectionString ?? string.Empty, _ => new SemaphoreSlim(1, 1));
}
