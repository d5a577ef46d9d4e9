using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Conversations;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Conversations;

public sealed class MessagesEndpointTests
{
    [Theory]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":5}")]
    [InlineData("")]
    [InlineData("{\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"https://x/\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://x/\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"}}")]
    public async Task Post_MalformedActivity_Returns400Problem(string body)
    {
        await using var app = new PeerBotApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Returns413()
    {
        await using var app = new PeerBotApp();
        using var client = app.CreateClient();
        var text = new string('a', 300 * 1024);
        var body = $"{{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{{\"id\":\"c\"}},\"serviceUrl\":\"https://x/\",\"text\":\"{text}\"}}";

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_ApiMessages_Returns405()
    {
        await using var app = new PeerBotApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_Message_Returns200AndRepliesThroughConnector(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        var client = new ActivityBuilder();

        using var response = await app.SendAsync(client.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(app.Connector.Sent);
        Assert.All(app.Connector.Sent, sent =>
        {
            Assert.Equal(client.ConversationId, sent.ConversationId);
            Assert.Equal("act-1", sent.Activity.ReplyToId);
            Assert.Equal("bot-1", sent.Activity.From?.Id);
            Assert.Equal("user-1", sent.Activity.Recipient?.Id);
            Assert.EndsWith("/v3/conversations/" + client.ConversationId + "/activities/act-1", sent.Uri.AbsolutePath);
            Assert.Null(sent.Activity.Id);
        });
    }

    [Fact]
    public async Task Post_ExpectReplies_ReturnsRepliesInBodyAndSendsNothing()
    {
        await using var app = new PeerBotApp();
        var activity = new ActivityBuilder().Message("hello");
        activity.DeliveryMode = "expectReplies";

        using var response = await app.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(BotJson.Options);
        Assert.NotEmpty(body!.Activities);
        Assert.All(body.Activities, a => Assert.Equal("act-1", a.ReplyToId));
        Assert.Empty(app.Connector.Sent);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_SameActivityTwice_ProcessedOnce(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        var client = new ActivityBuilder();
        var activity = client.Message("hello", id: "dup-1");

        using var first = await app.SendAsync(activity);
        var afterFirst = app.Connector.Sent.Count;
        using var second = await app.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, app.Connector.Sent.Count);
    }

    [Fact]
    public async Task Post_SameActivityAfterDedupWindow_ProcessedAgain()
    {
        await using var app = new PeerBotApp();
        var activity = new ActivityBuilder().Message("hello", id: "late-1");

        using (await app.SendAsync(activity)) { }
        var afterFirst = app.Connector.Sent.Count;
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using (await app.SendAsync(activity)) { }

        Assert.True(app.Connector.Sent.Count > afterFirst);
    }

    [Fact]
    public async Task Post_EarlierActivityRedelivered_ProcessedOnce_RecordKeepsOnlyTheWindowAndNoIds()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        var first = client.Message("hello", id: "msg-early-1");
        using (await app.SendAsync(first)) { }
        using (await app.SendAsync(client.Message("4", id: "msg-early-2"))) { }
        using (await app.SendAsync(client.Message("menu", id: "msg-early-3"))) { }
        var sent = app.Connector.Sent.Count;

        using (var again = await app.SendAsync(first)) // not the latest one: still within the window
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(sent, app.Connector.Sent.Count);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using (await app.SendAsync(client.Message("menu", id: "msg-late-4"))) { }
        var stored = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.RecentDeliveries).SingleAsync());
        Assert.NotNull(stored);
        Assert.Single(stored.Split('\n')); // the three older deliveries are past the window: dropped
        Assert.DoesNotContain("msg-", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Conversation!.Id!, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AliveAndReady()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        using var alive = await http.GetAsync("/healthz");
        using var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Post_UnhandledInvoke_Returns501()
    {
        await using var app = new PeerBotApp();

        using var response = await app.SendAsync(new ActivityBuilder().Invoke("composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_ConversationUpdateWithUserJoining_SendsWelcome()
    {
        await using var app = new PeerBotApp();

        using var response = await app.SendAsync(new ActivityBuilder().ConversationUpdate());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Connector.Sent, s => s.Activity.Text?.Contains("988", StringComparison.Ordinal) == true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_ConnectorDown_ReplyKeptInOutboxAndRetriedLater(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        var client = new ActivityBuilder();
        app.Connector.FailNext(1000);

        using var response = await app.SendAsync(client.Message("hello"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Connector.Sent);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync()));

        app.Connector.FailNext(0);
        await Eventually.TrueAsync(() =>
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            return Task.FromResult(!app.Connector.Sent.IsEmpty);
        });
        await Eventually.TrueAsync(async () => !await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync()));
    }

    [Fact]
    public async Task Turn_NoClientTextInLogs()
    {
        await using var app = new PeerBotApp();
        const string canary = "zebra-canary-7731";

        using var response = await app.SendAsync(new ActivityBuilder().Message($"my secret is {canary}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(app.Logs.Records);
        Assert.False(app.Logs.Contains(canary));
    }
}
