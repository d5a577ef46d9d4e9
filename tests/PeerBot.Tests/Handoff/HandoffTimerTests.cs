using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class HandoffTimerTests
{
    private static PeerBotApp NewApp() => new(new Dictionary<string, string?> { ["PeerBot:Handoff:TimerInterval"] = "00:00:10" });

    private static Task<List<HandoffAlert>> AlertsAsync(PeerBotApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<HandoffAlert>().Where(a => a.HandoffId == id).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task UnclaimedCrisis_AtLimitRenotified_AtTwiceEscalatedAndClientReminded()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("I want to kill myself"))) { }
        var handoff = await app.HandoffOfAsync(client);

        app.Clock.Advance(TimeSpan.FromSeconds(90));
        await Task.Delay(200);
        Assert.DoesNotContain(await AlertsAsync(app, handoff.Id), a => a.Kind == AlertKind.Renotify);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.TrueAsync(async () => (await AlertsAsync(app, handoff.Id)).Any(a => a.Kind == AlertKind.Renotify), "re-notified at 2 min");
        Assert.DoesNotContain(await AlertsAsync(app, handoff.Id), a => a.Kind == AlertKind.Escalated);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(async () => (await AlertsAsync(app, handoff.Id)).Any(a => a.Kind == AlertKind.Escalated), "escalated at 4 min");
        await Eventually.TrueAsync(() => Task.FromResult(app.Connector.TextsTo(client.ConversationId)
            .Any(t => t.StartsWith("We're still finding a peer", StringComparison.Ordinal))), "988 reminder");
        Assert.NotNull((await app.HandoffOfAsync(client)).EscalatedAt);
        Assert.Single(await AlertsAsync(app, handoff.Id), a => a.Kind == AlertKind.Renotify);
    }

    [Fact]
    public async Task RequestedTier_UsesItsOwnLimit()
    {
        await using var app = NewApp();
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.DoesNotContain(await AlertsAsync(app, handoff.Id), a => a.Kind == AlertKind.Renotify);

        app.Clock.Advance(TimeSpan.FromMinutes(26));
        await Eventually.TrueAsync(async () => (await AlertsAsync(app, handoff.Id)).Any(a => a.Kind == AlertKind.Renotify));
    }

    [Fact]
    public async Task ClaimedWithoutPeerMessage_RemindedThenBackInQueue()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await AlertsAsync(app, handoff.Id)).Any(a => a.Kind == AlertKind.IdleReminder), "reminder");
        Assert.Equal(HandoffState.Claimed, (await app.HandoffOfAsync(client)).State);

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await app.HandoffOfAsync(client)).State == HandoffState.Queued, "requeued");
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(ConversationMode.WaitingForPeer, record.Mode);
        Assert.Contains(app.Connector.TextsTo(client.ConversationId), t => t.Contains("back in line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimedWithPeerMessages_NoReminder()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(3));
            using (await peer.SayAsync(handoff.Id, "still with you")) { }
            using (await app.SendAsync(client.Message("ok"))) { }
        }
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(200);

        Assert.DoesNotContain(await AlertsAsync(app, handoff.Id), a => a.Kind == AlertKind.IdleReminder);
        Assert.Equal(HandoffState.Claimed, (await app.HandoffOfAsync(client)).State);
    }

    [Fact]
    public async Task ClientSilent_PastInactivity_ClosedAsNoResponse()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Handoff:TimerInterval"] = "00:00:10",
            ["PeerBot:Handoff:InactiveAfter"] = "00:20:00",
            ["PeerBot:Handoff:ClaimIdleReminder"] = "01:00:00",
        });
        var client = new ActivityBuilder();
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        app.Clock.Advance(TimeSpan.FromMinutes(21));

        await Eventually.TrueAsync(async () => (await app.HandoffOfAsync(client)).State == HandoffState.Closed, "closed");
        Assert.Equal(HandoffOutcomes.NoResponse, (await app.HandoffOfAsync(client)).Outcome);
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(ConversationMode.Bot, record.Mode);
    }
}
