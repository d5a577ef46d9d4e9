using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Scheduling;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Conversations;

/// <summary>
/// SQLite's hand-written first query of a turn (<see cref="SqliteConversationRead"/>) against what EF Core reads from
/// the same rows: the same conversation, and facts that say exactly which rarely present rows exist.
/// </summary>
public sealed class SqliteConversationReadTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2));

    [Fact]
    public async Task Plan_CoversTheConversationEntityAsTheModelHasIt()
    {
        await using var app = new PeerBotApp();
        var read = await app.WithDbAsync(db => Task.FromResult(SqliteConversationRead.For(db.Model)));
        Assert.NotNull(read); // null would mean: ConversationRecord changed, update SqliteConversationRead's column list
    }

    [Fact]
    public async Task Read_ConversationWithEveryKindOfRow_SameRecordAsEfCore_AndEveryFactSet()
    {
        await using var app = new PeerBotApp();
        var handoff = Guid.Parse("5b1f0c7e-3a2d-4e55-9c1a-0a6a4b8f2d11");
        await app.WithDbAsync(db =>
        {
            db.Add(new ConversationRecord
            {
                Key = "full", ChannelHash = "hash-full", ChannelId = "msteams", Mode = ConversationMode.WaitingForPeer,
                Locale = "es-US", ReferenceJson = "{\"a\":1}", ServiceUrlVerified = true, DialogStateJson = "{\"stack\":[]}",
                SafetyStateJson = "{}", CreatedAt = At, LastActivityAt = At.AddMinutes(5), ContextBuffer = "1:a\n2:b",
                RecentDeliveries = "0123456789abcdef0123456789abcdef:1", Version = 9,
            });
            db.Add(new ChannelState { ConversationKey = "full", Discreet = true });
            db.Add(new ClientSchedule { ConversationKey = "full" });
            db.Add(new ConsentEntry { ConversationKey = "full", ChannelId = "msteams", Action = ConsentAction.OptedIn, At = At });
            db.Add(new PrivacyPrompt { ConversationKey = "full", Kind = "summaries", At = At });
            db.Add(new HandoffRequest { Id = handoff, ConversationKey = "full", FeedbackPending = true, CreatedAt = At, QueuedAt = At });
            db.Add(new TranscriptEntry { ConversationKey = "full", HandoffId = handoff, Cipher = "in the handoff", At = At });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var (found, expected) = await ReadAsync(app, "hash-full");

        Assert.NotNull(found);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(found.Record));
        Assert.Equal(new TurnFacts("full", true, true, true, true, true), found.Facts);
    }

    [Fact]
    public async Task Read_ConversationWithNothingElse_EveryFactClear_UnknownConversationNull()
    {
        await using var app = new PeerBotApp();
        await app.WithDbAsync(db =>
        {
            db.Add(new ConversationRecord { Key = "bare", ChannelHash = "hash-bare", ChannelId = "sms", CreatedAt = At, LastActivityAt = At });
            db.Add(new ConversationRecord { Key = "other", ChannelHash = "hash-other", ChannelId = "sms", CreatedAt = At, LastActivityAt = At });
            db.Add(new HandoffRequest { Id = Guid.NewGuid(), ConversationKey = "bare", FeedbackPending = false, CreatedAt = At, QueuedAt = At });
            db.Add(new ChannelState { ConversationKey = "other" });
            db.Add(new TranscriptEntry { ConversationKey = "other", Cipher = "x", At = At });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var (found, expected) = await ReadAsync(app, "hash-bare");
        Assert.NotNull(found);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(found.Record));
        Assert.Equal(new TurnFacts("bare", false, false, false, false, false), found.Facts);

        Assert.Null((await ReadAsync(app, "hash-nobody")).Found);
    }

    private static Task<(ConversationWithFacts? Found, ConversationRecord? Expected)> ReadAsync(PeerBotApp app, string hash) =>
        app.WithDbAsync(async db =>
        {
            var read = SqliteConversationRead.For(db.Model)!;
            var pragmas = ((SqlitePeerBotDb)db).Pragmas!;
            var found = await read.ReadAsync(pragmas.Readers, hash, TestContext.Current.CancellationToken);
            var expected = await db.Set<ConversationRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.ChannelHash == hash);
            return (found, expected);
        });
}
