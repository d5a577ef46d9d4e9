using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>
/// Deleting a row does not take its bytes off the disk. On SQLite, <see cref="SqlitePragmas"/> turns on
/// <c>secure_delete</c> (deleted cells and freed pages are zeroed), but the write-ahead log still holds the page
/// images written before the delete until a checkpoint copies the zeroed pages back and the log is truncated.
/// Features that delete client content (transcripts, summaries, erasure) call <see cref="Request"/>; a sweep then
/// calls <see cref="ScrubIfRequestedAsync"/>, which runs <c>PRAGMA wal_checkpoint(TRUNCATE)</c> once for all of
/// them. The Data Protection key ring lives in the same database, so leftover cipher text would be readable
/// content. PostgreSQL needs nothing here: deleted rows are invisible to every query at once.
/// </summary>
public sealed class DeletedContentScrubber
{
    private int _requested;

    /// <summary>Client content was deleted: scrub at the next sweep.</summary>
    public void Request() => Interlocked.Exchange(ref _requested, 1);

    /// <summary>
    /// Truncates the SQLite write-ahead log when a scrub was requested. <see cref="ScrubResult.Busy"/> when a
    /// reader kept it from finishing (the request stays for the next sweep).
    /// </summary>
    public async Task<ScrubResult> ScrubIfRequestedAsync(PeerBotDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Interlocked.Exchange(ref _requested, 0) == 0)
            return ScrubResult.NotRequested;
        if (!db.Database.IsSqlite())
            return ScrubResult.Done;
        var busy = true;
        try
        {
            busy = await CheckpointAsync(db, cancellationToken);
            return busy ? ScrubResult.Busy : ScrubResult.Done;
        }
        finally
        {
            if (busy)
                Request(); // a reader was in the way, or the checkpoint failed: the next sweep tries again
        }
    }

    private static async Task<bool> CheckpointAsync(PeerBotDb db, CancellationToken cancellationToken)
    {
        // Not beside the background checkpoint: SQLite would fail this one at once (SqlitePragmas.Checkpoints).
        var checkpoints = (db as SqlitePeerBotDb)?.Pragmas?.Checkpoints;
        if (checkpoints is not null)
            await checkpoints.WaitAsync(cancellationToken);
        try
        {
            return await TruncateLogAsync(db, cancellationToken);
        }
        finally
        {
            checkpoints?.Release();
        }
    }

    private static async Task<bool> TruncateLogAsync(PeerBotDb db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // One row: busy (1 when a reader or writer kept the checkpoint from completing), log frames, frames copied.
            return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public enum ScrubResult
{
    NotRequested = 0,
    Done = 1,
    Busy = 2,
}
