using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Audit;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Tests.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class TranscriptPrivacyTests
{
    [Fact]
    public async Task Transcript_AtRest_IsEncryptedInTheDatabaseFile()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("my sponsor is called Bartholomew"))) { }
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await app.SendAsync(client.Message("Bartholomew stopped answering"))) { }

        var rows = await app.WithDbAsync(db => db.Set<TranscriptEntry>().ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain("Bartholomew", r.Cipher, StringComparison.Ordinal));
        await using var raw = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM HandoffTranscript WHERE Cipher LIKE '%Bartholomew%'";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Pickup_ShowsContextBufferBeforeHandoff_LastFewOnly()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        for (var i = 1; i <= 7; i++)
            using (await app.SendAsync(client.Message($"message number {i}"))) { }
        using (await app.SendAsync(client.Message("I want to kill myself"))) { }
        var handoff = await app.HandoffOfAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        using var response = await peer.GetAsync($"/api/handoffs/{handoff.Id}");
        var context = (await response.JsonAsync()).GetProperty("context").EnumerateArray().Select(HandoffFlowTests.Text).ToList();

        Assert.Equal(["message number 4", "message number 5", "message number 6", "message number 7", "I want to kill myself"], context);
    }

    [Fact]
    public async Task ClosedHandoff_AfterGracePeriod_TranscriptAndContextDeleted()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Privacy:TranscriptGracePeriod"] = "01:00:00",
            ["PeerBot:Privacy:SweepInterval"] = "00:01:00",
        });
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("some context"))) { }
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await peer.SayAsync(handoff.Id, "hello")) { }
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved)) { }

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(200);
        Assert.NotEmpty(await app.WithDbAsync(db => db.Set<TranscriptEntry>().ToListAsync()));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.TrueAsync(async () => (await app.WithDbAsync(db => db.Set<TranscriptEntry>().CountAsync())) == 0,
            "transcript deleted after the grace period");
        Assert.NotNull((await app.HandoffOfAsync(client)).TranscriptDeletedAt);
        var key = await app.KeyOfAsync(client);
        Assert.Null(await app.WithDbAsync(db => db.Set<ConversationRecord>().Where(c => c.Key == key).Select(c => c.ContextBuffer).SingleAsync()));
    }

    [Fact]
    public async Task ContextBuffer_KeepsTheLastFew_EachEncrypted_InTheConversationRow()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        for (var i = 1; i <= 7; i++)
            using (await app.SendAsync(client.Message($"private line Zebediah {i}"))) { }

        var key = await app.KeyOfAsync(client);
        var stored = await app.WithDbAsync(db => db.Set<ConversationRecord>().Where(c => c.Key == key).Select(c => c.ContextBuffer).SingleAsync());
        Assert.NotNull(stored);
        Assert.DoesNotContain("Zebediah", stored, StringComparison.Ordinal);
        var lines = TimedLines.Read(stored);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var transcripts = scope.ServiceProvider.GetRequiredService<TranscriptStore>();
            Assert.Equal(Enumerable.Range(3, 5).Select(i => $"private line Zebediah {i}"), lines.Select(l => transcripts.Unprotect(l.Text)));
        }
        Assert.Empty(await app.WithDbAsync(db => db.Set<TranscriptEntry>().ToListAsync())); // no handoff: no transcript rows
        Assert.False(CanaryProofTests.SqliteFilesContain(app, "Zebediah"), "no plain text in the .db and -wal files");
    }

    [Fact]
    public async Task ContextBuffer_LinesPastRetention_DroppedByTheNextTurn_IdleBufferClearedBySweep()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Privacy:ContextRetention"] = "01:00:00",
            ["PeerBot:Privacy:SweepInterval"] = "00:01:00",
        });
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("an old line"))) { }
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        using (await app.SendAsync(client.Message("a new line"))) { }
        var key = await app.KeyOfAsync(client);
        var row = await app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Key == key));
        var lines = TimedLines.Read(row.ContextBuffer);
        Assert.Equal([app.Clock.GetUtcNow().ToUnixTimeMilliseconds()], lines.Select(l => l.At.ToUnixTimeMilliseconds()));

        for (var i = 0; i < 62; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db =>
            db.Set<ConversationRecord>().Where(c => c.Key == key).Select(c => c.ContextBuffer).SingleAsync()) is null, "idle buffer cleared");
        // The clearing moved the row's version on: a turn holding the old buffer cannot write it back.
        Assert.True(await app.WithDbAsync(db => db.Set<ConversationRecord>().Where(c => c.Key == key).Select(c => c.Version).SingleAsync()) > row.Version);
    }

    [Fact]
    public async Task ConsoleReads_OfClientContent_AreAuditedWithoutContent()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client, "peer");
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        var peerId = await app.AccountIdAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        using (await peer.GetAsync($"/api/handoffs/{handoff.Id}")) { }
        using (await peer.GetAsync($"/api/handoffs/{handoff.Id}/messages")) { }

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().Where(a => a.HandoffId == handoff.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditTrail.ReadHandoff && a.ActorId == peerId && a.ConversationKey == handoff.ConversationKey);
        Assert.Contains(audit, a => a.Action == AuditTrail.ReadTranscript && a.ActorId == peerId);
    }
}
