using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Conversations;

public sealed class TurnPipelineTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrisisMessage_DialogFaults_CrisisReplyStillSentFirst(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("hi"))) { }
        // Corrupt the stored dialog state so the dialog step throws on the next turn.
        await app.WithDbAsync(db => db.Set<ConversationRecord>().ExecuteUpdateAsync(s => s.SetProperty(c => c.DialogStateJson, "{not json")));
        var before = app.Connector.Sent.Count;

        using var response = await app.SendAsync(client.Message("I want to kill myself"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = app.Connector.Sent.Skip(before).Select(s => s.Activity.Text ?? string.Empty).ToList();
        Assert.True(texts.Count >= 2);
        Assert.Contains("988", texts[0], StringComparison.Ordinal);
        Assert.Contains(texts.Skip(1), t => t.Contains("went wrong", StringComparison.OrdinalIgnoreCase));
        var handoff = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffReason.Crisis, handoff.Reason);
        Assert.Equal(HandoffState.Queued, handoff.State);
    }

    [Fact]
    public async Task CrisisMessage_StorageFails_CrisisReplySentDirectly()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("hi"))) { }
        // Break storage of replies: the crisis reply can no longer go through the outbox.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"Outbox\""));
        var before = app.Connector.Sent.Count;

        using var response = await app.SendAsync(client.Message("I want to kill myself"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode); // the channel will redeliver
        var texts = app.Connector.Sent.Skip(before).Select(s => s.Activity.Text ?? string.Empty).ToList();
        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Records, r => r.Contains("|4009|", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ParallelTurns_OneConversation_StateVersionCountsEveryTurn(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        var client = new ActivityBuilder();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.SendAsync(client.Message("hello", $"p-{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(8, record.Version);
        foreach (var r in responses)
            r.Dispose();
    }

    [Fact]
    public async Task ConversationRow_HoldsNoChannelIdOutsideReference()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("sms", conversationId: "+15551234567");

        using (await app.SendAsync(client.Message("hello"))) { }

        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.StartsWith("cv_", record.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("5551234567", record.ChannelHash, StringComparison.Ordinal);
        Assert.False(app.Logs.Contains("5551234567"));
    }
}
