using System.Text.Json;
using PeerBot.BotFramework.Schema;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WithReplyToId_PostsReplyPathWithEncodedIds()
    {
        await using var f = await ConnectorFixture.StartAsync();

        var response = await f.Client.SendAsync(f.Connector.ServiceUrl, "a:1/x?y", "m;1@x=2", Message("hi"), Ct);

        var request = Assert.Single(f.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/a%3A1%2Fx%3Fy/activities/m%3B1%40x%3D2", request.RawTarget);
        Assert.Equal("new-1", response.Id);
    }

    [Fact]
    public async Task Send_WithoutReplyTo_PostsToConversationActivities()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await f.Client.SendAsync(f.Connector.ServiceUrl, "19:abc@thread.tacv2;messageid=1", null, Message("hi"), Ct);

        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities", Assert.Single(f.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Send_ServiceUrlWithPathWithoutTrailingSlash_KeepsPath()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await f.Client.SendAsync(f.Connector.ServiceUrl + "amer/tenant-1", "c1", null, Message("hi"), Ct);

        Assert.Equal("/amer/tenant-1/v3/conversations/c1/activities", Assert.Single(f.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Send_Body_IsCamelCaseWithoutNulls()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var activity = Message("hello");
        activity.Recipient = new ChannelAccount { Id = "29:user" };

        await f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, activity, Ct);

        using var body = JsonDocument.Parse(Assert.Single(f.Connector.Requests).Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("29:user", body.RootElement.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(body.RootElement.TryGetProperty("replyToId", out _));
        Assert.False(body.RootElement.GetProperty("recipient").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Send_AcceptedWithoutBody_ReturnsNullId()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = Testing.FakeConnector.Status(202);

        var response = await f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, Message("hi"), Ct);

        Assert.Null(response.Id);
    }

    [Fact]
    public async Task Update_PutsToActivityPath()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await f.Client.UpdateActivityAsync(f.Connector.ServiceUrl, "a:1", "act/1", Message("edited"), Ct);

        var request = Assert.Single(f.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v3/conversations/a%3A1/activities/act%2F1", request.RawTarget);
    }

    [Fact]
    public async Task Delete_DeletesActivityPath()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = Testing.FakeConnector.Status(200);

        await f.Client.DeleteActivityAsync(f.Connector.ServiceUrl, "a:1", "act-1", Ct);

        var request = Assert.Single(f.Connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v3/conversations/a%3A1/activities/act-1", request.RawTarget);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task CreateConversation_PascalCaseAnswer_ReadsId()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = Testing.FakeConnector.Status(201, """{"Id":"+15550100","ActivityId":"first"}""");
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "+15550199" },
            Members = [new ChannelAccount { Id = "+15550100" }],
            IsGroup = false,
        };

        var response = await f.Client.CreateConversationAsync(f.Connector.ServiceUrl.TrimEnd('/'), parameters, Ct);

        var request = Assert.Single(f.Connector.Requests);
        Assert.Equal("/v3/conversations", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("+15550100", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("+15550100", response.Id);
        Assert.Equal("first", response.ActivityId);
    }

    [Fact]
    public async Task SendHistory_PostsTranscript()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await f.Client.SendConversationHistoryAsync(f.Connector.ServiceUrl, "c1", new Transcript { Activities = [Message("a")] }, Ct);

        var request = Assert.Single(f.Connector.Requests);
        Assert.Equal("/v3/conversations/c1/activities/history", request.RawTarget);
        Assert.Contains("\"activities\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RelativeServiceUrl_Throws()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => f.Client.SendAsync("not-a-url", "c1", null, Message("hi"), Ct));
    }

    internal static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
