using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Resources;
using PeerBot.Safety;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Data;

/// <summary>
/// SQLite's direct save of plain rows (<see cref="DirectSave"/>) against EF Core's own save: the same stored bytes,
/// the same ids in the same order, the same concurrency failures.
/// </summary>
public sealed class DirectSaveTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(-5));

    internal static TranscriptEntry Line(string key, string cipher) => new()
    {
        ConversationKey = key,
        HandoffId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Sender = TranscriptSender.Peer,
        PeerId = null,
        Cipher = cipher,
        Tier = DistressTier.High,
        Category = "self-harm",
        At = At,
    };

    internal static ConversationRecord Conversation(string key) => new()
    {
        Key = key,
        ChannelHash = "hash-" + key,
        ChannelId = "msteams",
        Mode = ConversationMode.WaitingForPeer,
        Locale = "es-US",
        ReferenceJson = null,
        ServiceUrlVerified = true,
        DialogStateJson = "{\"stack\":[]}",
        CreatedAt = At,
        LastActivityAt = At.AddMinutes(3),
        Version = 7,
    };

    [Fact]
    public async Task Save_PlainRows_StoresTheSameValuesAsEfCore()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(async db =>
        {
            // EF's own save: inside an explicit transaction the direct save steps aside.
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.AddRange(Conversation("ef"), Line("ef", "c1"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
            return 0;
        });
        await app.WithDbAsync(async db =>
        {
            db.AddRange(Conversation("direct"), Line("direct", "c1"));
            Assert.NotNull(DirectSave.TryPlan(db));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var stored = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            """
            SELECT quote(ChannelId) || quote(Mode) || quote(Locale) || quote(ReferenceJson) || quote(ServiceUrlVerified)
                || quote(DialogStateJson) || quote(SafetyStateJson) || quote(CreatedAt) || quote(LastActivityAt) || quote(Version) AS Value
            FROM Conversations ORDER BY Key DESC
            """).ToListAsync());
        var lines = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            """
            SELECT quote(HandoffId) || quote(Sender) || quote(PeerId) || quote(Cipher) || quote(Tier) || quote(Category)
                || quote(At) AS Value
            FROM HandoffTranscript ORDER BY Id
            """).ToListAsync());

        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0], lines[1]);
        var read = await app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Key == "direct"));
        Assert.Equal(At, read.CreatedAt);
        Assert.Equal(ConversationMode.WaitingForPeer, read.Mode);
    }

    [Fact]
    public async Task Save_NewRowsWithGeneratedIds_IdsFollowTheOrderAddedAndRowsAreAccepted()
    {
        await using var app = new PeerBotApp();
        var added = await app.WithDbAsync(async db =>
        {
            var rows = Enumerable.Range(0, 12).Select(i => Line("k", "c" + i)).ToList();
            foreach (var row in rows)
                db.Add(row);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.All(rows, r => Assert.Equal(EntityState.Unchanged, db.Entry(r).State));
            return rows.Select(r => (r.Id, r.Cipher)).ToList();
        });

        var stored = await app.WithDbAsync(db => db.Set<TranscriptEntry>().OrderBy(e => e.Id).Select(e => new { e.Id, e.Cipher }).ToListAsync());

        Assert.Equal(added.Select(a => a.Cipher), stored.Select(s => s.Cipher));
        Assert.Equal(added.Select(a => a.Id), stored.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "c" + i), stored.Select(s => s.Cipher));
    }

    [Fact]
    public async Task Save_ConversationChangedSinceLoaded_ThrowsConcurrencyAndWritesNothing()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(db =>
        {
            db.Add(Conversation("c"));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<PeerBotDb>();
        var b = second.ServiceProvider.GetRequiredService<PeerBotDb>();
        var mine = await a.Set<ConversationRecord>().SingleAsync(c => c.Key == "c", TestContext.Current.CancellationToken);
        var theirs = await b.Set<ConversationRecord>().SingleAsync(c => c.Key == "c", TestContext.Current.CancellationToken);
        theirs.Locale = "fr-CA";
        theirs.Version++;
        await b.SaveChangesAsync(TestContext.Current.CancellationToken);

        mine.Locale = "en-GB";
        mine.Version++;
        a.Add(Line("c", "written with the stale conversation"));
        Assert.NotNull(DirectSave.TryPlan(a));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => a.SaveChangesAsync(TestContext.Current.CancellationToken));

        var stored = await app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Key == "c"));
        Assert.Equal("fr-CA", stored.Locale);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TranscriptEntry>().CountAsync()));
    }

    [Fact]
    public async Task Save_DeleteOfARowAlreadyGone_ThrowsConcurrencyLikeEfCore()
    {
        await using var app = new PeerBotApp();
        var ex = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDbAsync(db =>
        {
            db.Remove(db.Set<TranscriptEntry>().Attach(new TranscriptEntry { Id = 42, ConversationKey = "k", Cipher = string.Empty }).Entity);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }));
        Assert.Contains("TranscriptEntry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_AfterAWriteTheDatabaseRefused_NothingOfItIsKept_AndTheNextSaveWorks()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(db =>
        {
            db.Add(Conversation("taken"));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // The writer's prepared statements and connection are dropped after the failure; the rolled-back line is gone.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.Add(Line("taken", "rolled back"));
            db.Add(Conversation("taken")); // the key exists: SQLite refuses the insert
            Assert.NotNull(DirectSave.TryPlan(db));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }));
        await app.WithDbAsync(db =>
        {
            db.AddRange(Conversation("next"), Line("next", "kept"));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var lines = await app.WithDbAsync(db => db.Set<TranscriptEntry>().AsNoTracking().Select(e => e.Cipher).ToListAsync());
        Assert.Equal(["kept"], lines);
        Assert.Equal(["next", "taken"], await app.WithDbAsync(db =>
            db.Set<ConversationRecord>().AsNoTracking().Select(c => c.Key).OrderBy(k => k).ToListAsync()));
    }

    [Fact]
    public async Task TryPlan_RowsWithForeignKeys_LeftToEfCore()
    {
        await using var app = new PeerBotApp();
        var plan = await app.WithDbAsync(db =>
        {
            db.Add(Line("k", "c"));
            db.Add(new ResourceOrganization { Id = "org-1", Name = "County crisis line", SourceFile = "test.json" });
            return Task.FromResult(DirectSave.TryPlan(db));
        });
        Assert.Null(plan);
    }
}
