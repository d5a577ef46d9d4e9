using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.PeerConsole;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.PeerConsole;

public sealed class ConsoleAuthTests
{
    [Fact]
    public async Task Login_WrongPassword_401_FifthFailureLocksOutEvenTheRightPassword()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("/api/auth/login", new { email = ConsoleClients.Peer1, password = "not-it" });
            statuses.Add(wrong.StatusCode);
        }
        using var right = await http.PostAsJsonAsync("/api/auth/login", new { email = ConsoleClients.Peer1, password = app.DemoPassword() });

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), statuses.Take(4));
        Assert.Equal((HttpStatusCode)423, statuses[4]);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);

        app.Clock.Advance(PeerAccounts.Lockout + TimeSpan.FromSeconds(1));
        using var later = await http.PostAsJsonAsync("/api/auth/login", new { email = ConsoleClients.Peer1, password = app.DemoPassword() });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task CookieSession_WriteWithoutCsrfToken_Rejected_WithTokenAccepted()
    {
        await using var app = new PeerBotApp();
        var handoff = await app.RequestPeerAsync(new ActivityBuilder());
        using var browser = app.CreateClient();
        using (var login = await browser.PostAsJsonAsync("/console/login", new { email = ConsoleClients.Peer1, password = app.DemoPassword() }))
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        using var forged = await browser.PostAsync($"/api/handoffs/{handoff.Id}/claim", null);
        var me = await (await browser.GetAsync("/api/console/me")).JsonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/handoffs/{handoff.Id}/claim");
        request.Headers.Add(PeerAuth.CsrfHeader, me.GetProperty("csrfToken").GetString());
        using var genuine = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task ConsolePages_StrictContentSecurityPolicy_AndNoStore()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);

        using var page = await http.GetAsync("/console/index.html");
        using var api = await peer.GetAsync("/api/handoffs");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(api.Headers.CacheControl?.NoStore);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorBoard_CoordinatorSeesCounts_PeerForbidden()
    {
        await using var app = new PeerBotApp();
        using (await app.SendAsync(new ActivityBuilder().Message("I want to kill myself"))) { }
        await app.RequestPeerAsync(new ActivityBuilder());
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);

        using var board = await coordinator.GetAsync("/api/coordinator/board");
        using var denied = await peer.GetAsync("/api/coordinator/board");

        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var tiers = (await board.JsonAsync()).GetProperty("tiers").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("queued").GetInt32());
        Assert.Equal(1, tiers["crisis"]);
        Assert.Equal(1, tiers["requested"]);
        Assert.Equal(0, tiers["high"]);
    }

    [Fact]
    public async Task Metrics_TimeToClaimPercentilesAndOutcomes()
    {
        await using var app = new PeerBotApp();
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        foreach (var minutes in new[] { 1, 3, 9 })
        {
            var handoff = await app.RequestPeerAsync(new ActivityBuilder());
            app.Clock.Advance(TimeSpan.FromMinutes(minutes));
            using (await peer.ClaimAsync(handoff.Id)) { }
            using (await peer.CloseAsync(handoff.Id, "resolved")) { }
        }
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);

        var metrics = await (await coordinator.GetAsync("/api/metrics/handoffs")).JsonAsync();

        var requested = Assert.Single(metrics.GetProperty("timeToClaim").EnumerateArray());
        Assert.Equal(3, requested.GetProperty("claims").GetInt32());
        Assert.Equal(180, requested.GetProperty("p50Seconds").GetDouble());
        Assert.Equal(540, requested.GetProperty("p90Seconds").GetDouble());
        Assert.Equal(3, metrics.GetProperty("outcomes").GetProperty("resolved").GetInt32());
    }

    [Fact]
    public async Task HistoryCsv_OneRowPerHandoff_NoContentOrNotes()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message("I want to kill myself"))) { }
        var handoff = await app.HandoffOfAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await peer.CloseAsync(handoff.Id, "referred", "private note text")) { }
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);

        using var response = await coordinator.GetAsync("/api/metrics/handoffs.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(handoff.Id + ",crisis,crisis,suicidal-ideation,closed,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",referred,Sam,no,0,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("private note", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("kill", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStream_NewCrisisHandoff_PushedWithoutContent()
    {
        await using var app = new PeerBotApp();
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using var stream = await peer.GetAsync("/api/console/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("event: hello", await reader.ReadLineAsync());

        using (await app.SendAsync(new ActivityBuilder().Message("I want to kill myself"))) { }
        var handoff = await app.WithDbAsync(db => db.Set<PeerBot.Handoff.HandoffRequest>().SingleAsync());

        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!seen.Any(l => l.StartsWith("event: alert", StringComparison.Ordinal)))
            seen.Add(await reader.ReadLineAsync(timeout.Token) ?? string.Empty);
        Assert.Contains(seen, l => l.Contains(handoff.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(seen, l => l.Contains("kill", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Development_DemoAccountsSeeded_AndCredentialsPrinted()
    {
        await using var app = new PeerBotApp();
        using var peer = await app.SignInAsync(ConsoleClients.Peer2);

        var roles = await app.WithDbAsync(db => db.Set<PeerAccount>().OrderBy(a => a.Email).Select(a => a.Role).ToListAsync());
        Assert.Equal([PeerRoles.Coordinator, PeerRoles.Peer, PeerRoles.Peer], roles);
        Assert.True(app.Logs.Contains("coordinator@demo.local"));
        Assert.True(app.Logs.Contains(app.DemoPassword()));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Set<PeerAccount>().Select(a => a.PasswordHash).ToListAsync()),
            h => h.Contains(app.DemoPassword(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_NoDemoAccountsSeeded()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:BotFramework:AppId"] = "00000000-0000-0000-0000-000000000001",
            ["PeerBot:BotFramework:AppPassword"] = "not-used-here",
        }, environment: "Production");
        using var http = app.CreateClient();

        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = ConsoleClients.Peer1, password = app.DemoPassword() });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PeerAccount>().CountAsync()));
    }
}
