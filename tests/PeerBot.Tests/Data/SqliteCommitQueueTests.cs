using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;
using static PeerBot.Tests.Data.DirectSaveTests;

namespace PeerBot.Tests.Data;

/// <summary>
/// Group commit (<see cref="SqliteCommitQueue"/>): saves that wait together commit together, urgent ones first; one
/// that fails or is cancelled while queued leaves the others committed and nothing of itself.
/// </summary>
public sealed class SqliteCommitQueueTests
{
    /// <summary>The database's SQLite parts: the tests hold its write gate so that saves queue and go as one batch.</summary>
    private static SqlitePragmas Pragmas(PeerBotApp app) =>
        app.Services.GetRequiredService<SqlitePragmas>();

    [Fact]
    public async Task SavesWaitingTogether_OneFailsItsConcurrencyCheck_TheOthersCommit()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(db =>
        {
            db.Add(Conversation("shared"));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var scopes = Enumerable.Range(0, 6).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            var dbs = scopes.Select(s => s.ServiceProvider.GetRequiredService<PeerBotDb>()).ToList();
            const int staleAt = 3; // in the middle of the batch: the writes before it are run again, after it too
            var stale = await dbs[staleAt].Set<ConversationRecord>().SingleAsync(c => c.Key == "shared", TestContext.Current.CancellationToken);
            await app.WithDbAsync(async db => // someone else moves the row on
            {
                var fresh = await db.Set<ConversationRecord>().SingleAsync(c => c.Key == "shared");
                fresh.Version++;
                fresh.Locale = "fr-CA";
                return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            });
            stale.Version++;
            stale.Locale = "en-GB";
            dbs[staleAt].Add(Line("shared", "written with the stale row"));
            for (var i = 0; i < dbs.Count; i++)
            {
                if (i != staleAt)
                    dbs[i].AddRange(Conversation("c" + i), Line("c" + i, "line " + i));
            }

            var gate = Pragmas(app).WriteGate;
            await gate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
            var saves = dbs.Select(db => db.SaveChangesAsync(TestContext.Current.CancellationToken)).ToList();
            await Eventually.TrueAsync(() => Task.FromResult(gate.Waiting == 1 && Pragmas(app).Commits.Queued == 6)); // one batch
            gate.Exit();

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => saves[staleAt]);
            Assert.Equal(2, await saves[0]);
            await Task.WhenAll(saves.Where((_, i) => i != staleAt));
            var ids = new List<long>();
            foreach (var db in dbs.Where((_, i) => i != staleAt))
            {
                var line = db.Set<TranscriptEntry>().Local.Single();
                Assert.Equal(EntityState.Unchanged, db.Entry(line).State);
                ids.Add(line.Id);
            }
            var storedIds = await app.WithDbAsync(db => db.Set<TranscriptEntry>().AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
            Assert.Equal(storedIds, ids); // each save holds the key its row got in the commit
        }
        finally
        {
            foreach (var scope in scopes)
                await scope.DisposeAsync();
        }

        var lines = await app.WithDbAsync(db => db.Set<TranscriptEntry>().AsNoTracking().OrderBy(e => e.Id).Select(e => e.Cipher).ToListAsync());
        Assert.Equal(["line 0", "line 1", "line 2", "line 4", "line 5"], lines);
        var shared = await app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Key == "shared"));
        Assert.Equal("fr-CA", shared.Locale);
    }

    [Fact]
    public async Task UrgentSave_QueuedBehindRoutineOnes_IsWrittenFirst()
    {
        await using var app = new PeerBotApp();
        var gate = Pragmas(app).WriteGate;
        await app.WithDbAsync(_ => Task.FromResult(0));
        await gate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
        var saves = new List<Task>();
        var scopes = new List<AsyncServiceScope>();
        foreach (var (name, urgent) in new[] { ("routine 1", false), ("routine 2", false), ("crisis", true) })
        {
            var scope = app.Services.CreateAsyncScope();
            scopes.Add(scope);
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            db.Add(Line("k", name));
            db.UrgentWrites = urgent;
            saves.Add(db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
        await Eventually.TrueAsync(() => Task.FromResult(gate.Waiting == 1 && Pragmas(app).Commits.Queued == 3)); // one batch
        gate.Exit();
        await Task.WhenAll(saves);
        foreach (var scope in scopes)
            await scope.DisposeAsync();

        var order = await app.WithDbAsync(db => db.Set<TranscriptEntry>().AsNoTracking().OrderBy(e => e.Id).Select(e => e.Cipher).ToListAsync());
        Assert.Equal(["crisis", "routine 1", "routine 2"], order);
    }

    [Fact]
    public async Task SaveCancelledWhileQueued_IsNotWritten_TheOthersAre()
    {
        await using var app = new PeerBotApp();
        var gate = Pragmas(app).WriteGate;
        await app.WithDbAsync(_ => Task.FromResult(0));
        await gate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        await using var a = app.Services.CreateAsyncScope();
        await using var b = app.Services.CreateAsyncScope();
        var dbA = a.ServiceProvider.GetRequiredService<PeerBotDb>();
        var dbB = b.ServiceProvider.GetRequiredService<PeerBotDb>();
        dbA.Add(Line("k", "cancelled"));
        dbB.Add(Line("k", "kept"));
        var cancelled = dbA.SaveChangesAsync(cancel.Token);
        var kept = dbB.SaveChangesAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => Task.FromResult(gate.Waiting == 1 && Pragmas(app).Commits.Queued == 2));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Exit();
        await kept;

        var lines = await app.WithDbAsync(db => db.Set<TranscriptEntry>().AsNoTracking().Select(e => e.Cipher).ToListAsync());
        Assert.Equal(["kept"], lines);
        Assert.Equal(EntityState.Added, dbA.Entry(dbA.Set<TranscriptEntry>().Local.Single()).State);
    }
}
