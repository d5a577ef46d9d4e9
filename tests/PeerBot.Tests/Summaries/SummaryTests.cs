using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Audit;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class SummaryTests
{
    [Fact]
    public async Task OptedIn_HandoffClosed_SummaryEncryptedRedacted_CoordinatorReadIsAudited()
    {
        await using var app = new PeerBotApp(CanaryProofTests.ShortRetention);
        var canary = "cnry" + Guid.NewGuid().ToString("N")[..20];
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(3, 7, "poor", false));
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(6, 4, "ok", false));
        await app.DialogEventAsync(client, new DialogEvent.SummaryFact("strategy-helped", "box breathing"));
        await app.DialogEventAsync(client, new DialogEvent.SummaryFact("resource", "food pantry near jane@example.com"));

        await CanaryProofTests.RunFullConversationAsync(app, client, canary, note: $"follow up at 555-123-4567 {canary}");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // the next sweep, well before the 30-minute inactivity end
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<ClientSummary>().CountAsync()) == 1,
            "a summary is written after the handoff closed");

        // Not in plaintext anywhere in the file, yet readable through the coordinator API.
        Assert.False(CanaryProofTests.SqliteFilesContain(app, canary));
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        var list = (await (await coordinator.GetAsync($"/api/console/summaries?client={key}")).JsonAsync()).EnumerateArray().ToList();
        var id = Assert.Single(list).GetProperty("id").GetInt64();
        var view = await (await coordinator.GetAsync($"/api/console/summaries/{id}")).JsonAsync();
        var content = view.GetProperty("content");

        Assert.Equal("crisis", view.GetProperty("maxTier").GetString());
        Assert.Equal(2, content.GetProperty("checkIns").GetArrayLength());
        Assert.Contains("mood improving (3→6)", content.GetProperty("trend").GetString(), StringComparison.Ordinal);
        var strategy = Assert.Single(content.GetProperty("strategies").EnumerateArray());
        Assert.Equal("box breathing", strategy.GetProperty("name").GetString());
        Assert.True(strategy.GetProperty("helped").GetBoolean());
        Assert.Equal("food pantry near [email]", Assert.Single(content.GetProperty("resources").EnumerateArray()).GetString());
        Assert.Contains(content.GetProperty("safetyFlags").EnumerateArray(), f => f.GetProperty("tier").GetString() == "crisis");
        var handoff = content.GetProperty("handoffs").EnumerateArray().First(); // the crisis handoff (a follow-up may follow)
        Assert.Equal(HandoffOutcomes.Resolved, handoff.GetProperty("outcome").GetString());
        Assert.Equal($"follow up at [phone] {canary}", handoff.GetProperty("peerNote").GetString());
        Assert.Contains("Talked with a peer", content.GetProperty("narrative").GetString(), StringComparison.Ordinal);

        var coordinatorId = await app.AccountIdAsync(ConsoleClients.Coordinator);
        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().Where(a => a.ActorId == coordinatorId).ToListAsync());
        Assert.Contains(audit, a => a.Action == SummaryReader.ReadSummary && a.ConversationKey == key);
        Assert.Contains(audit, a => a.Action == SummaryReader.ListSummaries);
        Assert.DoesNotContain(app.Logs.Records, r => r.Contains(canary, StringComparison.OrdinalIgnoreCase)
            || r.Contains("555-123-4567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotOptedIn_NoEpisodeNoFactsNoSummary()
    {
        await using var app = new PeerBotApp(CanaryProofTests.ShortRetention);
        var client = new ActivityBuilder();
        await app.SayAsync(client, "hello");
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.SummaryFact("resource", "shelter"));
        await app.SayAsync(client, "I want to kill myself");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(100);
        Assert.Equal(0, await app.CountAsync<Episode>(key));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
        Assert.Equal(0, await app.CountAsync<ClientSummary>(key));
    }

    [Fact]
    public async Task OptedIn_Inactivity_EndsEpisodeAndWritesSummary_ThenPurgedAfterRetention()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Summaries:EpisodeInactivity"] = "00:30:00",
            ["PeerBot:Summaries:SweepInterval"] = "00:01:00",
            ["PeerBot:Summaries:PurgeInterval"] = "01:00:00",
            ["PeerBot:Summaries:Retention"] = "2.00:00:00",
        });
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(5, 5, null, false));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(100);
        Assert.Equal(0, await app.CountAsync<ClientSummary>(key));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(async () => await app.CountAsync<ClientSummary>(key) == 1, "summary after 30 min idle");
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
        Assert.Equal(0, await app.CountAsync<Episode>(key));

        for (var i = 0; i < 49; i++)
            app.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(async () => await app.CountAsync<ClientSummary>(key) == 0, "purged after retention");
    }

    [Fact]
    public async Task Claim_OptedInClient_PeerSeesEarlierSummaries()
    {
        await using var app = new PeerBotApp(CanaryProofTests.ShortRetention);
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(2, 9, "poor", true));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var key = await app.KeyOfAsync(client);
        await Eventually.TrueAsync(async () => await app.CountAsync<ClientSummary>(key) == 1, "first episode summarized");

        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        var detail = await (await peer.GetAsync($"/api/handoffs/{handoff.Id}")).JsonAsync();

        var earlier = Assert.Single(detail.GetProperty("earlierSummaries").EnumerateArray());
        Assert.Contains("reported use", earlier.GetProperty("content").GetProperty("narrative").GetString(), StringComparison.Ordinal);
        var peerId = await app.AccountIdAsync(ConsoleClients.Peer1);
        Assert.Contains(await app.WithDbAsync(db => db.Set<AuditRecord>().ToListAsync()),
            a => a.Action == SummaryReader.ReadSummary && a.ActorId == peerId && a.HandoffId == handoff.Id);
    }

    [Fact]
    public void Protector_NoUsableKey_ReturnsNullNeverPlaintext()
    {
        var folder = Directory.CreateTempSubdirectory("peerbot-dp-");
        try
        {
            var provider = DataProtectionProvider.Create(folder,
                o => o.DisableAutomaticKeyGeneration());
            var logs = new LogCapture();
            var protector = new SummaryProtector(provider);
            Assert.Null(protector.TryProtect(new FactLine("resource", "secret-detail"), logs.CreateLogger("test")));
            Assert.Contains(logs.Records, r => r.Contains("could not be encrypted", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
