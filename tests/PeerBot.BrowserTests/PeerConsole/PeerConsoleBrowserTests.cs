using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PeerBot.BotFramework.Schema;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.BrowserTests.PeerConsole;

public sealed class PeerConsoleBrowserTests
{
    private const string Attack = "<img src=x onerror=alert(1)>";

    private static async Task PostAsync(HttpClient http, Activity activity)
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Peer_SeesCrisisLive_Claims_Chats_Closes()
    {
        await using var env = await ConsoleBrowser.StartAsync();
        using var http = env.Http();
        var page = await env.SignInAsync(ConsoleClients.Peer1);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var client = new ActivityBuilder();

        // A crisis arrives through the channel endpoint; the queue updates without a reload.
        await PostAsync(http, client.Message("I want to kill myself"));
        var card = page.Locator("#queue .card").First;
        await card.WaitForAsync();
        Assert.Equal("crisis", (await card.Locator(".tier").TextContentAsync())?.Trim());

        // Claim it: the client hears the peer's display name.
        await card.ClickAsync();
        await page.ClickAsync("#claim");
        await page.Locator("#composer").WaitForAsync();
        Assert.Contains(env.App.Connector.TextsTo(client.ConversationId), t => t.StartsWith("Sam, a peer support specialist", StringComparison.Ordinal));
        Assert.Equal("I want to kill myself", await page.Locator("#context-lines .bubble").Last.TextContentAsync());

        // A hostile message shows as text and runs nothing.
        await PostAsync(http, client.Message(Attack));
        var hostile = page.Locator("#transcript .line-client .bubble", new PageLocatorOptions { HasText = "onerror" });
        await hostile.WaitForAsync();
        Assert.Equal(Attack, await hostile.TextContentAsync());
        Assert.Equal(0, await page.Locator("#transcript img").CountAsync());

        // The peer answers; it reaches the client through the connector.
        await page.FillAsync("#message", "I'm here with you. Are you safe right now?");
        await page.PressAsync("#message", "Enter");
        await page.Locator("#transcript .line-peer").WaitForAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(1, await page.Locator("#transcript .line-peer").CountAsync());
        await Eventually.TrueAsync(() => Task.FromResult(env.App.Connector.TextsTo(client.ConversationId)
            .Contains("Sam: I'm here with you. Are you safe right now?")));

        // A second peer's claim of the same handoff fails cleanly.
        var handoff = await env.App.HandoffOfAsync(client);
        using var alex = await ApiSignInAsync(env, ConsoleClients.Peer2);
        using (var second = await alex.PostAsync($"/api/handoffs/{handoff.Id}/claim", null))
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("console-live-chat.png") });

        // Close with an outcome and a note; a crisis handoff brings the debrief prompt.
        await page.ClickAsync("#close-open");
        await page.SelectOptionAsync("#outcome", "resolved");
        await page.FillAsync("#note", "Made a safety plan together.");
        await page.ClickAsync("#close-confirm");
        await page.Locator("#debrief-dialog[open]").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("console-debrief.png") });
        await page.ClickAsync("#debrief-ok");
        await page.Locator("#debrief-dialog[open]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await Eventually.TrueAsync(async () => (await env.App.HandoffOfAsync(client)).DebriefedAt is not null, "debrief saved");

        var closed = await env.App.HandoffOfAsync(client);
        Assert.Equal(HandoffState.Closed, closed.State);
        Assert.Equal(HandoffOutcomes.Resolved, closed.Outcome);
        Assert.NotNull(closed.DebriefedAt);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Coordinator_BoardShowsWaitingCrisis()
    {
        await using var env = await ConsoleBrowser.StartAsync();
        using var http = env.Http();
        await PostAsync(http, new ActivityBuilder().Message("I want to kill myself"));
        await PostAsync(http, new ActivityBuilder().Message("peer"));
        var page = await env.SignInAsync(ConsoleClients.Coordinator);

        await page.GotoAsync("/console/board.html");
        await page.Locator("#queue-rows tr").Nth(1).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("console-board.png") });

        Assert.Equal(2, await page.Locator("#queue-rows tr").CountAsync());
        Assert.Equal("1", (await page.Locator("#tiles .tile .tile-num").First.TextContentAsync())?.Trim());
    }

    private static async Task<HttpClient> ApiSignInAsync(ConsoleBrowser env, string email)
    {
        var client = env.Http();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = env.App.DemoPassword() });
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(Paths.RepositoryRoot, "tests", "PeerBot.BrowserTests", "bin", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
