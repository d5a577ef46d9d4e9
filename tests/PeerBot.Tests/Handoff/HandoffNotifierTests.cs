using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class HandoffNotifierTests
{
    private static PeerBotApp NewApp() => new(new Dictionary<string, string?>
    {
        ["PeerBot:Handoff:PeersChannel:ServiceUrl"] = "https://teams-connector.test/",
        ["PeerBot:Handoff:PeersChannel:ConversationId"] = "19:peers@thread.tacv2",
        ["PeerBot:Handoff:ConsoleUrl"] = "https://peerbot.example.org",
        ["PeerBot:Handoff:TimerInterval"] = "00:00:10",
    });

    [Fact]
    public async Task NewCrisisHandoff_PostsAdaptiveCardToPeersChannel_AndRecordsAlert()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message("I want to kill myself"))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(app.Connector.Sent.Any(s => s.ConversationId == "19:peers@thread.tacv2")));
        var post = app.Connector.Sent.Single(s => s.ConversationId == "19:peers@thread.tacv2");
        Assert.StartsWith("https://teams-connector.test/", post.Uri.ToString(), StringComparison.Ordinal);
        var attachment = Assert.Single(post.Activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var facts = card.GetProperty("body")[1].GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("crisis", facts["Tier"]);
        Assert.Equal("crisis", facts["Reason"]);
        Assert.Equal("0 min", facts["Waiting"]);
        Assert.Equal($"https://peerbot.example.org/console/#handoff={handoff.Id}",
            card.GetProperty("actions")[0].GetProperty("url").GetString());
        Assert.DoesNotContain("kill", JsonSerializer.Serialize(post.Activity), StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<HandoffAlert>().AnyAsync(a => a.HandoffId == handoff.Id)));
        var alerts = await app.WithDbAsync(db => db.Set<HandoffAlert>().Where(a => a.HandoffId == handoff.Id).ToListAsync());
        Assert.Contains(alerts, a => a.Kind == AlertKind.Opened && a.Channel == "teams" && a.Delivered && a.At == handoff.CreatedAt);
        Assert.Contains(alerts, a => a.Kind == AlertKind.Opened && a.Channel == "console");
    }

    [Fact]
    public async Task UnclaimedPastLimit_ReAlertsChannel_ThenEscalationCard()
    {
        await using var app = NewApp();
        using (await app.SendAsync(new ActivityBuilder().Message("I want to kill myself"))) { }
        // The first alert goes out after the turn (the alert worker). In real time it is long out when the SLA timer
        // fires; with the manual clock moved at once, the re-alert could otherwise overtake it on a busy machine.
        await Eventually.TrueAsync(() => Task.FromResult(app.Connector.Sent.Count(s => s.ConversationId == "19:peers@thread.tacv2") == 1));

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => Task.FromResult(app.Connector.Sent.Count(s => s.ConversationId == "19:peers@thread.tacv2") == 2));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => Task.FromResult(app.Connector.Sent.Count(s => s.ConversationId == "19:peers@thread.tacv2") == 3));

        var texts = app.Connector.TextsTo("19:peers@thread.tacv2");
        Assert.Equal(["New crisis handoff", "Still waiting for a peer: crisis handoff", "ESCALATED: crisis handoff unclaimed"], texts);
    }

    [Fact]
    public async Task ConnectorDown_ChannelAlertRecordedUndelivered_ClientReplyRetried()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder();
        app.Connector.FailNext(2); // the client's reply (kept in the outbox) and then the channel post

        using (await app.SendAsync(client.Message("peer"))) { }

        var handoff = await app.HandoffOfAsync(client);
        // The alert is posted after the turn: wait for its record.
        await Eventually.TrueAsync(async () => (await app.WithDbAsync(db => db.Set<HandoffAlert>()
            .Where(a => a.HandoffId == handoff.Id).ToListAsync())).Any(a => a.Channel == "teams" && !a.Delivered));
        Assert.Equal(HandoffState.Queued, handoff.State);
        await Eventually.TrueAsync(() =>
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            return Task.FromResult(app.Connector.TextsTo(client.ConversationId).Any(t => t.Contains("in line", StringComparison.Ordinal)));
        });
    }
}
