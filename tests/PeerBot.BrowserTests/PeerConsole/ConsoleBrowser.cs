using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerBot.Tests.Testing;

namespace PeerBot.BrowserTests.PeerConsole;

/// <summary>
/// PeerBot on a real loopback port (Kestrel; the browser needs a socket) plus a headless Chromium from the OS
/// packages (PEERBOT_TEST_CHROMIUM, default /usr/bin/chromium).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private IPlaywright? _playwright;

    private ConsoleBrowser(PeerBotApp app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public PeerBotApp App { get; }
    public Uri BaseAddress { get; }
    public IBrowser Browser { get; private set; } = null!;

    public const string ChromiumVariable = "PEERBOT_TEST_CHROMIUM";

    public static async Task<ConsoleBrowser> StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            Xunit.Assert.Skip($"Chromium not found at {chromium}: set {ChromiumVariable} (.ci/run does).");
        var app = new PeerBotApp();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var browser = new ConsoleBrowser(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        browser._playwright = await Playwright.CreateAsync();
        browser.Browser = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return browser;
    }

    /// <summary>A new browser context signed in as <paramref name="email"/> through the login page.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/login.html");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", App.DemoPassword());
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/console/index.html**");
        await page.Locator("#live.on").WaitForAsync();
        return page;
    }

    /// <summary>An HTTP client on the real port (for /api/messages as the channel, and the JSON API).</summary>
    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
