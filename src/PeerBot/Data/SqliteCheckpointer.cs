using Microsoft.Data.Sqlite;

namespace PeerBot.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file once a second, on a connection of its own, with a
/// <c>PASSIVE</c> checkpoint: it takes no write lock, so no turn waits for it. Left to SQLite, the checkpoint runs
/// inside whichever commit crosses <c>wal_autocheckpoint</c>, while that commit holds the write lock every other
/// writer queues behind (<see cref="SqlitePragmas"/>); that limit stays as the bound when this task is behind or
/// not running (command-line hosts). <see cref="DeletedContentScrubber"/> still truncates the log after deletes.
/// </summary>
internal sealed partial class SqliteCheckpointer(SqlitePragmas pragmas, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= await pragmas.OpenConnectionAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
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

    [LoggerMessage(1501, LogLevel.Warning, "Background WAL checkpoint failed; will try again (commits checkpoint past the limit meanwhile)")]
    private static partial void CheckpointFailed(ILogger logger, Exception exception);
}
