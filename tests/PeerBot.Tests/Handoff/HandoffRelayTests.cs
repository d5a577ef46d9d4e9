using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class HandoffRelayTests
{
    private static async Task<(PeerBotApp App, ActivityBuilder Client, HandoffRequest Handoff, HttpClient Peer)> LiveChatAsync(
        IDictionary<string, string?>? settings = null, string channel = "msteams")
    {
        var app = new PeerBotApp(settings);
        var client = new ActivityBuilder(channel);
        var handoff = await app.RequestPeerAsync(client);
        var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (var claim = await peer.ClaimAsync(handoff.Id))
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        return (app, client, handoff, peer);
    }

    [Fact]
    public async Task ClientMessage_WithPeer_ReachesConsoleAndBotStaysSilent()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;
        var sentBefore = app.Connector.TextsTo(client.ConversationId).Count;

        using (await app.SendAsync(client.Message("I just feel so alone tonight"))) { }

        Assert.Equal(sentBefore, app.Connector.TextsTo(client.ConversationId).Count);
        var transcript = await peer.TranscriptAsync(handoff.Id);
        Assert.Contains(transcript, l => l.GetProperty("sender").GetString() == "client" && HandoffFlowTests.Text(l) == "I just feel so alone tonight");
    }

    [Fact]
    public async Task PeerMessage_GoesToClientThroughConnector_WithPeerName()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;

        using var response = await peer.SayAsync(handoff.Id, "I'm here with you. What's going on?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sam: I'm here with you. What's going on?", app.Connector.TextsTo(client.ConversationId)[^1]);
        Assert.Contains(await peer.TranscriptAsync(handoff.Id), l => l.GetProperty("sender").GetString() == "peer");
    }

    [Fact]
    public async Task CrisisDuringLiveChat_OnlySafetyReplyToClient_FlagShownToPeer()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;
        var before = app.Connector.TextsTo(client.ConversationId).Count;

        using (await app.SendAsync(client.Message("honestly I want to kill myself"))) { }

        var after = app.Connector.TextsTo(client.ConversationId).Skip(before).ToList();
        var reply = Assert.Single(after);
        Assert.Contains("988", reply, StringComparison.Ordinal);
        var line = (await peer.TranscriptAsync(handoff.Id)).Last(l => l.GetProperty("sender").GetString() == "client");
        Assert.Equal("crisis", line.GetProperty("tier").GetString());
        var raised = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffReason.Crisis, raised.Reason);
        Assert.Equal(HandoffState.Claimed, raised.State);
    }

    [Fact]
    public async Task ClientTypesBot_DuringLiveChat_PeerToldAndClientBackWithBot()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;

        using (await app.SendAsync(client.Message("bot"))) { }

        var closed = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffState.Closed, closed.State);
        Assert.Equal(HandoffOutcomes.ClientLeft, closed.Outcome);
        Assert.Contains(await peer.TranscriptAsync(handoff.Id), l => HandoffFlowTests.Text(l).Contains("went back to the bot", StringComparison.Ordinal));
        var texts = app.Connector.TextsTo(client.ConversationId);
        // One message (ReplyCoalescer): "you're back with me", then the question about the chat.
        var last = texts[^1];
        Assert.Contains("back with me", last, StringComparison.Ordinal);
        Assert.True(last.IndexOf("back with me", StringComparison.Ordinal) < last.IndexOf("helpful", StringComparison.Ordinal));
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(ConversationMode.Bot, record.Mode);
    }

    [Fact]
    public async Task Close_WithOutcomeAndNote_BotResumesAsksHelpfulOnce_NoteEncrypted()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;

        using var response = await peer.CloseAsync(handoff.Id, HandoffOutcomes.Referred, "Referred to the county warmline");
        using (await app.SendAsync(client.Message("yes"))) { }
        using (await app.SendAsync(client.Message("yes"))) { }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var closed = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffOutcomes.Referred, closed.Outcome);
        Assert.True(closed.Helpful);
        Assert.False(closed.FeedbackPending);
        Assert.NotNull(closed.NoteCipher);
        Assert.DoesNotContain("warmline", closed.NoteCipher, StringComparison.Ordinal);
        var texts = app.Connector.TextsTo(client.ConversationId);
        Assert.Single(texts, t => t.Contains("helpful", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("Thank you for telling me", StringComparison.Ordinal));
        Assert.Contains("What would you like to do?", texts[^1], StringComparison.Ordinal); // the second "yes" went to the dialog (its menu)
    }

    [Fact]
    public async Task CrisisHandoffClosed_NoToWasThisHelpful_IsFeedbackNotASafetyAnswer()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("I want to kill myself"))) { } // the crisis text asks "Are you safe right now?"
        var handoff = await app.HandoffOfAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, "talked it through")) { }
        var sentBefore = app.Connector.TextsTo(client.ConversationId).Count;

        using (await app.SendAsync(client.Message("no"))) { }

        var closed = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.False(closed.Helpful);
        Assert.Equal(HandoffState.Closed, closed.State);
        var after = app.Connector.TextsTo(client.ConversationId).Skip(sentBefore).ToList();
        Assert.DoesNotContain(after, t => t.Contains("911", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_InvalidOutcome_ValidationProblem()
    {
        var (app, _, handoff, peer) = await LiveChatAsync();
        await using var __ = app;
        using var ___ = peer;

        using var response = await peer.CloseAsync(handoff.Id, "fixed-it");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CloseCrisis_DebriefDue_FlagForSupervisorAlertsCoordinators()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("I want to kill myself"))) { }
        var handoff = await app.HandoffOfAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        using var close = await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, "safety plan made");
        using var debrief = await peer.PostAsJsonAsync($"/api/handoffs/{handoff.Id}/debrief", new { flagForSupervisor = true });

        Assert.True((await close.JsonAsync()).GetProperty("debriefDue").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        // Alerts are sent beside the request, not in it.
        await Eventually.TrueAsync(async () => (await app.WithDbAsync(db => db.Set<HandoffAlert>().Where(a => a.HandoffId == handoff.Id).ToListAsync()))
            .Any(a => a.Kind == AlertKind.SupervisorFlag && a.Channel == "coordinators"), "supervisor flag alert recorded");
        Assert.True((await app.HandoffOfAsync(client)).FlaggedForSupervisor);
    }

    [Fact]
    public async Task Transfer_ToAnotherPeer_ClientHearsNewNameAndOldPeerLosesAccess()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;
        var alexId = await app.AccountIdAsync(ConsoleClients.Peer2);
        using var alex = await app.SignInAsync(ConsoleClients.Peer2);

        using var transfer = await peer.PostAsJsonAsync($"/api/handoffs/{handoff.Id}/transfer", new { peerId = alexId });
        using var oldPeer = await peer.SayAsync(handoff.Id, "still here?");
        using var newPeer = await alex.SayAsync(handoff.Id, "Hi, I'm taking over from Sam.");

        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldPeer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPeer.StatusCode);
        var texts = app.Connector.TextsTo(client.ConversationId);
        Assert.Contains(texts, t => t.StartsWith("Alex, a peer support specialist", StringComparison.Ordinal));
        Assert.Equal("Alex: Hi, I'm taking over from Sam.", texts[^1]);
    }

    [Fact]
    public async Task Requeue_BackToQueue_ClientToldPlaceAndBotAnswersAgain()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;

        using var requeue = await peer.PostAsync($"/api/handoffs/{handoff.Id}/requeue", null);
        using (await app.SendAsync(client.Message("hello?"))) { }

        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        var again = await app.HandoffOfAsync(client);
        Assert.Equal(HandoffState.Queued, again.State);
        Assert.Null(again.PeerId);
        var texts = app.Connector.TextsTo(client.ConversationId);
        Assert.Contains(texts, t => t.Contains("back in line (number 1)", StringComparison.Ordinal));
        Assert.Contains("What would you like to do?", texts[^1], StringComparison.Ordinal); // the dialog answers again
    }

    [Fact]
    public async Task PeerMessages_DuringChannelOutage_DeliveredInOrderAfterRecovery()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;
        app.Connector.FailNext(1);

        foreach (var text in new[] { "one", "two", "three" })
            using (var r = await peer.SayAsync(handoff.Id, text))
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.DoesNotContain("Sam: one", app.Connector.TextsTo(client.ConversationId));

        await Eventually.TrueAsync(() =>
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            return Task.FromResult(app.Connector.TextsTo(client.ConversationId).Count(t => t.StartsWith("Sam: ", StringComparison.Ordinal)) == 3);
        });
        Assert.Equal(["Sam: one", "Sam: two", "Sam: three"],
            app.Connector.TextsTo(client.ConversationId).Where(t => t.StartsWith("Sam: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ClientBlockedBot_ChannelAnswers403_HandoffMarkedAndPeerTold()
    {
        var (app, client, handoff, peer) = await LiveChatAsync(new Dictionary<string, string?> { ["PeerBot:Handoff:TimerInterval"] = "00:00:10" });
        await using var _ = app;
        using var __ = peer;
        app.Connector.FailureStatus = HttpStatusCode.Forbidden;
        app.Connector.FailNext(1000);

        using (var say = await peer.SayAsync(handoff.Id, "are you still there?"))
            Assert.Equal(HttpStatusCode.OK, say.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(11));

        await Eventually.TrueAsync(async () => (await app.HandoffOfAsync(client)).ClientUnreachableAt is not null, "marked unreachable");
        Assert.Contains(await peer.TranscriptAsync(handoff.Id), l => HandoffFlowTests.Text(l).Contains("refuses messages", StringComparison.Ordinal));
        using var detail = await peer.GetAsync($"/api/handoffs/{handoff.Id}");
        Assert.True((await detail.JsonAsync()).GetProperty("handoff").GetProperty("clientUnreachable").GetBoolean());
    }

    [Fact]
    public async Task SmsClient_LongPeerMessage_RenderedForSmsChannel()
    {
        var (app, client, handoff, peer) = await LiveChatAsync(channel: "sms");
        await using var _ = app;
        using var __ = peer;

        using var response = await peer.SayAsync(handoff.Id, "Text me back when you can.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = app.Connector.Sent.Last(s => s.ConversationId == client.ConversationId);
        Assert.Equal("sms", sent.Activity.ChannelId);
        Assert.Equal("Sam: Text me back when you can.", sent.Activity.Text);
    }

    [Fact]
    public async Task LiveChat_ClientAndPeerWords_NeverLogged()
    {
        var (app, client, handoff, peer) = await LiveChatAsync();
        await using var _ = app;
        using var __ = peer;

        using (await app.SendAsync(client.Message("my secret is zebra-carousel"))) { }
        using (await peer.SayAsync(handoff.Id, "thanks for sharing walrus-lantern")) { }
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, "note about quokka-harbor")) { }

        Assert.False(app.Logs.Contains("zebra-carousel"));
        Assert.False(app.Logs.Contains("walrus-lantern"));
        Assert.False(app.Logs.Contains("quokka-harbor"));
    }
}
