using System.Text;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Data;

/// <summary>
/// The background checkpoint (SqliteCheckpointer): a committed row sits in the write-ahead log until a checkpoint
/// copies it into the database file; with the clock a second on, the background task has done that, no commit did.
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

        app.Clock.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => Task.FromResult(FileHolds(app.DatabasePath, marker)));
    }

    private static bool FileHolds(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
