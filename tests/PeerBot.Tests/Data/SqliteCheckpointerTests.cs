using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Data;

/// <summary>
/// The background checkpoint (SqliteCheckpointer): a committed row sits in the write-ahead log until a checkpoint
/// copies it into the database file; with the clock on, the background task has done that, no commit did. It works
/// from a connection opened before the database was in WAL mode, and has a long log started over.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task CommittedRows_ReachTheDatabaseFile_AfterTheNextBackgroundCheckpoint()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(_ => Task.FromResult(0)); // started: schema in place, timers armed
        const string marker = "checkpoint-marker-5f1c";
        await app.WithDbAsync(db =>
        {
            db.Add(new TranscriptEntry { ConversationKey = "k", Sender = TranscriptSender.Client, Cipher = marker, At = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.True(FileHolds(app.DatabasePath + "-wal", marker), "the commit is in the write-ahead log");
        Assert.False(FileHolds(app.DatabasePath, marker), "a small commit does not checkpoint by itself");

        app.Clock.Advance(SqliteCheckpointer.Interval);

        await Eventually.TrueAsync(() => Task.FromResult(FileHolds(app.DatabasePath, marker)));
    }

    /// <summary>
    /// At a first start the checkpointer's connection can open on the new, empty file before the service switches it
    /// to WAL. Such a connection does not know the database is in WAL mode until it reads it again, and a checkpoint
    /// through it silently did nothing, for as long as the process ran.
    /// </summary>
    [Fact]
    public async Task ConnectionOpenedBeforeWalMode_StillCheckpoints()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "fresh.db");
        using var pragmas = new SqlitePragmas($"Data Source={path};Pooling=False");
        var clock = new ManualTimeProvider();
        using var checkpointer = new SqliteCheckpointer(pragmas, clock, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(TestContext.Current.CancellationToken);
        clock.Advance(SqliteCheckpointer.Interval); // the first pass opens its connection, which creates the file
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(path)));
        await Task.Delay(200, TestContext.Current.CancellationToken); // and checkpoints through it (a millisecond)

        const string marker = "wal-after-open-7d2e";
        await using (var writer = await pragmas.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await ExecAsync(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (v TEXT);");
            await ExecAsync(writer, $"INSERT INTO t VALUES ('{marker}');");
            Assert.True(FileHolds(path + "-wal", marker));
            Assert.False(FileHolds(path, marker));

            clock.Advance(SqliteCheckpointer.Interval);

            await Eventually.TrueAsync(() => Task.FromResult(FileHolds(path, marker)));
        }
        await checkpointer.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Past the restart length the checkpointer copies the rest of the log while holding the write gate, so the next
    /// commit starts the log over from its beginning (its length is that commit alone) instead of growing it.
    /// </summary>
    [Fact]
    public async Task LongLog_IsStartedOverByTheNextCommit()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "long.db");
        using var pragmas = new SqlitePragmas($"Data Source={path};Pooling=False");
        await using var writer = await pragmas.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var reader = await pragmas.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await ExecAsync(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (v BLOB);");
        for (var i = 0; i < 40; i++)
            await ExecAsync(writer, "INSERT INTO t VALUES (zeroblob(3000));");
        Assert.True(await LogPagesAsync(reader) >= 40);

        var clock = new ManualTimeProvider();
        using var checkpointer = new SqliteCheckpointer(pragmas, clock, NullLogger<SqliteCheckpointer>.Instance, restartFrames: 20);
        await checkpointer.StartAsync(TestContext.Current.CancellationToken);

        // A write holds the gate: the checkpointer's restart pass waits for it, and the write's commit goes through.
        await pragmas.WriteGate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
        clock.Advance(SqliteCheckpointer.Interval);
        await Eventually.TrueAsync(() => Task.FromResult(pragmas.WriteGate.Waiting == 1));
        await ExecAsync(writer, "INSERT INTO t VALUES (zeroblob(3000));");
        pragmas.WriteGate.Exit();
        await Eventually.TrueAsync(() => Task.FromResult(pragmas.WriteGate.Waiting == 0));
        await pragmas.WriteGate.EnterAsync(urgent: false, TestContext.Current.CancellationToken); // after the pass
        pragmas.WriteGate.Exit();

        await ExecAsync(writer, "INSERT INTO t VALUES (zeroblob(3000));");
        Assert.InRange(await LogPagesAsync(reader), 1, 5);
        Assert.Equal(42L, await ScalarAsync(reader, "SELECT count(*) FROM t;"));
        await checkpointer.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// SQLite fails a checkpoint at once while another connection runs one, so a scrub of deleted content that met
    /// the background pass used to fail and leave the content in the log until the next sweep; now it waits for it.
    /// </summary>
    [Fact]
    public async Task Scrub_DuringABackgroundCheckpoint_WaitsForIt_ThenTruncatesTheLog()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(db =>
        {
            db.Add(new TranscriptEntry { ConversationKey = "k", Sender = TranscriptSender.Client, Cipher = "c", At = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var pragmas = app.Service<SqlitePragmas>();
        var scrubber = app.Service<DeletedContentScrubber>();
        scrubber.Request();
        await pragmas.Checkpoints.WaitAsync(TestContext.Current.CancellationToken); // a background pass in progress
        await using var scope = app.Services.CreateAsyncScope();
        var scrub = scrubber.ScrubIfRequestedAsync(scope.ServiceProvider.GetRequiredService<PeerBotDb>(), TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(scrub.IsCompleted, "the scrub waits for the pass");

        pragmas.Checkpoints.Release();

        Assert.Equal(ScrubResult.Done, await scrub);
        Assert.Equal(0, new FileInfo(app.DatabasePath + "-wal").Length);
    }

    private static async Task<long> LogPagesAsync(SqliteConnection connection)
    {
        // A checkpoint from this connection with nothing new to copy reports the log's length without changing it.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA schema_version; PRAGMA wal_checkpoint(PASSIVE);";
        await using var result = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await result.NextResultAsync(TestContext.Current.CancellationToken));
        Assert.True(await result.ReadAsync(TestContext.Current.CancellationToken));
        return result.GetInt64(1);
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("peerbot-checkpoint-").FullName;

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }

    private static bool FileHolds(string path, string text)
    {
        if (!File.Exists(path))
            return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
