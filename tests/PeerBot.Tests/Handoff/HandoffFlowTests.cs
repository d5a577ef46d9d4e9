using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class HandoffFlowTests
{
    [Fact]
    public async Task CrisisMessage_OpensHandoff_ClientHearsPlaceInLineAnd988()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message("I want to kill myself"))) { }

        var handoff = await app.HandoffOfAsync(client);
        Assert.Equal(HandoffReason.Crisis, handoff.Reason);
        Assert.Equal(HandoffState.Queued, handoff.State);
        var texts = app.Connector.TextsTo(client.ConversationId);
        Assert.Contains("988", texts[0], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("number 1 in line", StringComparison.Ordinal) && t.Contains("988", StringComparison.Ordinal));
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(ConversationMode.WaitingForPeer, record.Mode);
    }

    [Fact]
    public async Task SecondTrigger_SameConversation_OneOpenHandoffRaisedToCrisis()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();

        await app.RequestPeerAsync(client);
        using (await app.SendAsync(client.Message("I want to kill myself"))) { }

        var all = await app.WithDbAsync(db => db.Set<HandoffRequest>().ToListAsync());
        var only = Assert.Single(all);
        Assert.Equal(HandoffReason.Crisis, only.Reason);
    }

    [Fact]
    public async Task WaitingForPeer_ClientWrites_BotKeepsAnswering()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.RequestPeerAsync(client);
        var before = app.Connector.TextsTo(client.ConversationId).Count;

        using (await app.SendAsync(client.Message("hello again"))) { }

        var after = app.Connector.TextsTo(client.ConversationId).Skip(before).ToList();
        Assert.Contains(after, t => t.Contains("PeerBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_CrisisFirstThenOldest_PositionsFollowRank()
    {
        await using var app = new PeerBotApp();
        var a = new ActivityBuilder();
        var b = new ActivityBuilder();
        var c = new ActivityBuilder();
        var first = await app.RequestPeerAsync(a);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var second = await app.RequestPeerAsync(b);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        using (await app.SendAsync(c.Message("I want to kill myself"))) { }
        var crisis = await app.HandoffOfAsync(c);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);

        using var response = await peer.GetAsync("/api/handoffs?status=queued");
        var list = (await response.JsonAsync()).EnumerateArray().ToList();

        Assert.Equal([crisis.Id, first.Id, second.Id], list.Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal([1, 2, 3], list.Select(h => h.GetProperty("position").GetInt32()));
        Assert.Equal("crisis", list[0].GetProperty("tier").GetString());
        Assert.Contains(app.Connector.TextsTo(b.ConversationId), t => t.Contains("number 2 in line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypicalWait_FromRecentClaims_ToldToNextClient()
    {
        await using var app = new PeerBotApp();
        var first = await app.RequestPeerAsync(new ActivityBuilder());
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(first.Id)) { }
        var next = new ActivityBuilder();

        await app.RequestPeerAsync(next);

        Assert.Contains(app.Connector.TextsTo(next.ConversationId), t => t.Contains("about 4 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claim_ManyParallelRequestsFromTwoPeers_ExactlyOneWins()
    {
        await using var app = new PeerBotApp();
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());
        using var sam = await app.SignInAsync(ConsoleClients.Peer1);
        using var alex = await app.SignInAsync(ConsoleClients.Peer2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? sam : alex).ClaimAsync(handoff.Id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var claimed = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffState.Claimed, claimed.State);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        Assert.Equal(claimed.PeerId, winner.GetProperty("peerId").GetString());
        foreach (var r in responses)
            r.Dispose();
    }

    [Fact]
    public async Task Claim_UnknownOrClosed_404Or409NeverServerError()
    {
        await using var app = new PeerBotApp();
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved)) { }

        using var unknown = await peer.ClaimAsync(Guid.NewGuid());
        using var closed = await peer.ClaimAsync(handoff.Id);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
    }

    [Fact]
    public async Task Claim_ClientHearsPeerDisplayNameOnly()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);

        using var response = await peer.ClaimAsync(handoff.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var joined = app.Connector.TextsTo(client.ConversationId)[^1];
        Assert.Contains("Sam", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.local", joined, StringComparison.Ordinal);
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(ConversationMode.WithPeer, record.Mode);
    }

    [Fact]
    public async Task CaseloadCap_PeerAtCap_CannotClaimMore()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?> { ["PeerBot:Handoff:CaseloadCap"] = "1" });
        var first = await app.RequestPeerAsync(new ActivityBuilder());
        var second = await app.RequestPeerAsync(new ActivityBuilder());
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(first.Id)) { }

        using var refused = await peer.ClaimAsync(second.Id);
        using var other = await app.SignInAsync(ConsoleClients.Peer2);
        using var accepted = await other.ClaimAsync(second.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("caseload", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task PeerReadingAnotherPeersClaim_Forbidden_CoordinatorAllowed()
    {
        await using var app = new PeerBotApp();
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());
        using var sam = await app.SignInAsync(ConsoleClients.Peer1);
        using var alex = await app.SignInAsync(ConsoleClients.Peer2);
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        using (await sam.ClaimAsync(handoff.Id)) { }

        using var detail = await alex.GetAsync($"/api/handoffs/{handoff.Id}");
        using var messages = await alex.GetAsync($"/api/handoffs/{handoff.Id}/messages");
        using var say = await alex.SayAsync(handoff.Id, "hello");
        using var supervised = await coordinator.GetAsync($"/api/handoffs/{handoff.Id}");
        using var claimedList = await alex.GetAsync("/api/handoffs?status=claimed");

        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, messages.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, say.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supervised.StatusCode);
        Assert.Empty((await claimedList.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Api_WithoutSignIn_Unauthorized()
    {
        await using var app = new PeerBotApp();
        using var anonymous = app.CreateClient();

        using var list = await anonymous.GetAsync("/api/handoffs");
        using var claim = await anonymous.PostAsync($"/api/handoffs/{Guid.NewGuid()}/claim", null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, claim.StatusCode);
    }

    internal static string Text(JsonElement line) => line.GetProperty("text").GetString()!;
}
