using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

/// <summary>The handoff's database-dependent guarantees on PostgreSQL (skipped without PEERBOT_TEST_POSTGRES).</summary>
[Trait("Db", "Postgres")]
public sealed class HandoffPostgresTests
{
    [Fact]
    public async Task Claim_ManyParallelRequests_ExactlyOneWinsOnPostgres()
    {
        await using var app = new PeerBotApp(provider: "Postgres");
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());
        using var sam = await app.SignInAsync(ConsoleClients.Peer1);
        using var alex = await app.SignInAsync(ConsoleClients.Peer2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? sam : alex).ClaimAsync(handoff.Id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var r in responses)
            r.Dispose();
    }

    [Fact]
    public async Task QueueRankAndTypicalWait_TimeQueriesOnPostgres()
    {
        await using var app = new PeerBotApp(provider: "Postgres");
        var first = await app.RequestPeerAsync(new ActivityBuilder());
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(first.Id)) { }
        var older = await app.RequestPeerAsync(new ActivityBuilder());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var crisisClient = new ActivityBuilder();
        using (await app.SendAsync(crisisClient.Message("I want to kill myself"))) { }
        var crisis = await app.HandoffOfAsync(crisisClient);

        var list = (await (await peer.GetAsync("/api/handoffs?status=queued")).JsonAsync()).EnumerateArray()
            .Select(h => h.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([crisis.Id, older.Id], list);
        Assert.Contains(app.Connector.TextsTo(crisisClient.ConversationId), t => t.Contains("about 6 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranscriptEncryptedAndSweptOnPostgres()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Privacy:TranscriptGracePeriod"] = "00:10:00",
            ["PeerBot:Privacy:SweepInterval"] = "00:01:00",
        }, provider: "Postgres");
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await app.SendAsync(client.Message("a very private sentence"))) { }
        Assert.Contains(await peer.TranscriptAsync(handoff.Id), l => HandoffFlowTests.Text(l) == "a very private sentence");
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Set<TranscriptEntry>().Select(e => e.Cipher).ToListAsync()),
            c => c.Contains("private", StringComparison.Ordinal));
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved)) { }

        app.Clock.Advance(TimeSpan.FromMinutes(11));

        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<TranscriptEntry>().CountAsync()) == 0);
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }
}
