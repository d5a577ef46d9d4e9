using Microsoft.Data.Sqlite;

namespace PeerBot.Data;

/// <summary>
/// Keeps SQLite's write-ahead log short without making a write wait for the disk.
/// <para>
/// Four times a second, on a connection and a thread of its own, a <c>PASSIVE</c> checkpoint copies the log's new
/// pages into the database file and syncs it. It takes no write lock: turns keep committing meanwhile. A log that
/// grows on under constant writes is only started over by the next writer once every page in it has been copied, and
/// under constant writes a checkpoint that runs beside them never catches up. So when the log has passed
/// <see cref="RestartFrames"/>, the checkpointer takes the <see cref="WriteGate"/> once, as an urgent write, and
/// copies the few pages committed since its last pass; the next write then starts the log over from its beginning.
/// </para>
/// <para>
/// Left to SQLite instead, the checkpoint runs inside whichever commit crosses <c>wal_autocheckpoint</c>, copying up
/// to that many pages and syncing twice while that commit holds the gate every other turn waits at: at concurrency 50
/// on the reference VM those were 40–75 ms pauses every 0.4–0.9 s, the whole of the e2e p99 (load RESULTS.md, stop
/// 14). <c>wal_autocheckpoint</c> stays (<see cref="SqlitePragmas"/>) as the bound if this task falls behind or is
/// not running (command-line hosts). <see cref="DeletedContentScrubber"/> still truncates the log after deletes.
/// </para>
/// </summary>
internal sealed partial class SqliteCheckpointer(SqlitePragmas pragmas, TimeProvider clock, ILogger<SqliteCheckpointer> logger,
    int restartFrames = SqliteCheckpointer.RestartFrames) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Log length (pages) past which the checkpointer has the log started over (about 32 MB).</summary>
    public const int RestartFrames = 8192;

    /// <summary>
    /// The checkpoint's copying and syncing block the calling thread (SQLite is synchronous): a thread of its own, so
    /// no thread-pool thread the turns need sits in a disk flush.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(_timer!, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private PeriodicTimer? _timer;

    /// <summary>The timer is armed before start-up goes on (ExecuteAsync itself runs later, on another thread).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(Interval, clock);
        return base.StartAsync(cancellationToken);
    }

    private void Run(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        using var owned = timer;
        SqliteConnection? connection = null;
        try
        {
            while (timer.WaitForNextTickAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                try
                {
                    connection ??= pragmas.OpenConnectionAsync(stoppingToken).GetAwaiter().GetResult();
                    if (Checkpoint(connection, stoppingToken) >= restartFrames)
                    {
                        pragmas.WriteGate.EnterAsync(urgent: true, stoppingToken).GetAwaiter().GetResult();
                        try
                        {
                            Checkpoint(connection, stoppingToken);
                        }
                        finally
                        {
                            pragmas.WriteGate.Exit();
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CheckpointFailed(logger, ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// One PASSIVE checkpoint; returns the log's length in pages (0 when it was not in WAL mode yet). The schema read
    /// first is needed: a connection that has not read the database since it was switched to WAL (a fresh database
    /// at first start) does not know it is in WAL mode, and its checkpoint silently does nothing.
    /// </summary>
    private long Checkpoint(SqliteConnection connection, CancellationToken stoppingToken)
    {
        pragmas.Checkpoints.Wait(stoppingToken);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA schema_version; PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            if (!reader.NextResult() || !reader.Read())
                return 0;
            return Math.Max(0, reader.GetInt64(1)); // busy flag, log pages (-1: not in WAL mode), pages copied
        }
        finally
        {
            pragmas.Checkpoints.Release();
        }
    }

    [LoggerMessage(1501, LogLevel.Warning, "Background WAL checkpoint failed; will try again (commits checkpoint past the limit meanwhile)")]
    private static partial void CheckpointFailed(ILogger logger, Exception exception);
}
