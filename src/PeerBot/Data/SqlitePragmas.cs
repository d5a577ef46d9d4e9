using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerBot.Data;

/// <summary>
/// Per-connection SQLite settings: with WAL, <c>synchronous=NORMAL</c> is durable against process crashes and
/// syncs at checkpoints instead of on every commit (the commit-per-turn cost dominated load tests);
/// <c>busy_timeout</c> lets concurrent writers wait for each other instead of failing; <c>secure_delete</c> zeroes
/// deleted rows and freed pages, so deleted client content (encrypted or not) does not linger in free space
/// (<see cref="DeletedContentScrubber"/> then clears it from the write-ahead log); <c>wal_autocheckpoint=32768</c>
/// (pages, about 128 MB of log) instead of 1000: the commit that crosses the mark runs the checkpoint while holding
/// the write lock (and the <see cref="WriteGate"/> every turn queues at), so it is only the bound for when
/// <see cref="SqliteCheckpointer"/>, which keeps the log near a quarter of that without blocking writes, is behind or
/// not running.
/// One instance per registered database; it also carries that database's in-process <see cref="WriteGate"/> and the
/// <see cref="SqliteSession"/>s its hottest statements run on (the gate's holder writes on <see cref="Writer"/>).
/// </summary>
internal sealed class SqlitePragmas(string connectionString) : DbConnectionInterceptor, IDisposable
{
    /// <summary>
    /// SQLite has one writer at a time, and a writer that finds the lock taken sleeps in SQLite's busy handler
    /// (1, 2, 5 … 100 ms): under load those sleeps, not the writes, were the tail latency. Writers of this process
    /// queue here instead and are woken the moment the previous commit ends, urgent ones (a crisis) first.
    /// </summary>
    public WriteGate WriteGate { get; } = new();

    /// <summary>
    /// Held around every checkpoint this process runs (<see cref="SqliteCheckpointer"/>, <see cref="DeletedContentScrubber"/>):
    /// SQLite fails a checkpoint at once, without waiting, while another connection runs one, and a scrub that failed
    /// so would leave deleted content in the log until the next sweep.
    /// </summary>
    public SemaphoreSlim Checkpoints { get; } = new(1, 1);

    /// <summary>The writer connection; use it only while holding <see cref="WriteGate"/> (<see cref="Commits"/> does).</summary>
    public SqliteSession Writer => LazyInitializer.EnsureInitialized(ref _writer, () => new SqliteSession(OpenConnectionAsync));

    /// <summary>Group commit of plain writes on <see cref="Writer"/> (a thread of its own; see the class).</summary>
    public SqliteCommitQueue Commits => LazyInitializer.EnsureInitialized(ref _commits, () => new SqliteCommitQueue(WriteGate, Writer));

    /// <summary>Connections with prepared statements for the hottest reads (the turn's first query).</summary>
    public SqliteReaderPool Readers => LazyInitializer.EnsureInitialized(ref _readers, () => new SqliteReaderPool(OpenConnectionAsync));

    private SqliteSession? _writer;
    private SqliteCommitQueue? _commits;
    private SqliteReaderPool? _readers;

    public void Dispose()
    {
        _commits?.Dispose(); // first: its thread runs what is queued on the writer, then stops
        _writer?.Dispose();
        _readers?.Dispose();
    }

    /// <summary>A new open connection to this database with these settings (the caller disposes it).</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON; PRAGMA wal_autocheckpoint=32768;";

    /// <summary>
    /// The pragmas belong to the native handle, which the connection pool keeps open between uses: they are set
    /// once per handle, not on every open (one turn opens once; that statement was a measurable part of a turn).
    /// </summary>
    private readonly ConditionalWeakTable<object, object> _configured = new();

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
