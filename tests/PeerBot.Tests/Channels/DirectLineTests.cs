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

        using var start = await http.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var conversation = (await start.Content.ReadFromJsonAsync<DirectLineStarted>())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);

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
        using var start = await http.PostAsync("/v3/directline/conversations", null);
        var conversation = (await start.Content.ReadFromJsonAsync<DirectLineStarted>())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await http.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart()
    {
        await using var app = new PeerBotApp(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AppId", error.ToString(), StringComparison.Ordinal);
    }
}
