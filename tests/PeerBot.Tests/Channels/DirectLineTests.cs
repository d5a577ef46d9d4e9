using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels.DirectLine;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class DirectLineTests
{
    [Fact]
    public async Task WebChat_StartAndSend_BotRepliesArriveThroughConnectorRoutes()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        var conversation = await StartAsync(http);

        using var post = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities",
            new Activity { Type = "message", Text = "menu" }, BotJson.Options);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var set = await http.GetFromJsonAsync<ActivitySet>(
            $"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark=0", BotJson.Options);
        Assert.NotNull(set);
        Assert.Contains(set.Activities, a => a.From?.Id == conversation.UserId && a.Text == "menu");
        var botReplies = set.Activities.Where(a => a.From?.Id != conversation.UserId).ToList();
        Assert.True(botReplies.Count >= 2); // welcome on start, then the reply to "menu"
        Assert.Empty(app.Connector.Sent); // nothing went to the outside connector
    }

    [Fact]
    public async Task WebChat_WrongToken_Returns401()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();
        var conversation = await StartAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await http.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithoutSecretOrToken_Returns401()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        using var response = await http.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithConfiguredSecret_ReturnsTokenAndStreamUrl()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?> { ["PeerBot:DirectLine:Secret"] = "s3cret" });
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");

        using var response = await http.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<DirectLineSession>())!;
        Assert.StartsWith("ws://", session.StreamUrl, StringComparison.Ordinal);
        Assert.Equal(1800, session.ExpiresIn);
    }

    [Fact]
    public async Task WebChat_Stream_PushesBotReplies()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();
        var conversation = await StartAsync(http);
        var ws = app.Server.CreateWebSocketClient();
        using var socket = await ws.ConnectAsync(new Uri(conversation.StreamUrl!), CancellationToken.None);

        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        var set = System.Text.Json.JsonSerializer.Deserialize<ActivitySet>(buffer.AsSpan(0, result.Count), BotJson.Options)!;

        Assert.Contains(set.Activities, a => a.Text?.Contains("988", StringComparison.Ordinal) == true);
    }

    private static async Task<DirectLineSession> StartAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync("/webchat/token", null);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<DirectLineSession>())!.Token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await http.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<DirectLineSession>())!;
    }

    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart()
    {
        await using var app = new PeerBotApp(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AppId", error.ToString(), StringComparison.Ordinal);
    }
}
