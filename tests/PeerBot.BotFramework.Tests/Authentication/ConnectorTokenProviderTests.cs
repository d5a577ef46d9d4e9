using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Authentication;

public sealed class ConnectorTokenProviderTests
{
    [Fact]
    public async Task GetToken_MultiTenant_RequestsBotFrameworkAuthorityWithScope()
    {
        await using var login = await FakeLogin.StartAsync();
        await using var host = Host(login, new ManualTimeProvider());

        var token = await host.Get<ConnectorTokenProvider>().GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-botframework.com-1", token);
        var request = Assert.Single(login.Server.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.RawTarget);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=app-1", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_SingleTenant_RequestsTenantAuthority()
    {
        await using var login = await FakeLogin.StartAsync();
        await using var host = Host(login, new ManualTimeProvider(), new() { ["AppType"] = "SingleTenant", ["TenantId"] = "tenant-7" });

        var token = await host.Get<ConnectorTokenProvider>().GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-tenant-7-1", token);
        Assert.Equal("/tenant-7/oauth2/v2.0/token", Assert.Single(login.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetToken_ConcurrentCallers_ShareOneRequest()
    {
        await using var login = await FakeLogin.StartAsync();
        login.TokenDelay = TimeSpan.FromMilliseconds(200);
        await using var host = Host(login, new ManualTimeProvider());
        var provider = host.Get<ConnectorTokenProvider>();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => provider.GetTokenAsync(TestContext.Current.CancellationToken)));

        Assert.All(tokens, t => Assert.Equal("token-botframework.com-1", t));
        Assert.Equal(1, login.TokenRequests);
    }

    [Fact]
    public async Task GetToken_BeforeRefreshMargin_ServedFromCache()
    {
        await using var login = await FakeLogin.StartAsync();
        var clock = new ManualTimeProvider();
        await using var host = Host(login, clock);
        var provider = host.Get<ConnectorTokenProvider>();

        await provider.GetTokenAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(54));
        var token = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-botframework.com-1", token);
        Assert.Equal(1, login.TokenRequests);
    }

    [Fact]
    public async Task GetToken_WithinRefreshMarginOfExpiry_RenewsBeforeExpiry()
    {
        await using var login = await FakeLogin.StartAsync();
        var clock = new ManualTimeProvider();
        await using var host = Host(login, clock);
        var provider = host.Get<ConnectorTokenProvider>();

        await provider.GetTokenAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(56)); // 4 minutes before the 60-minute expiry, inside the 5-minute margin
        var token = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-botframework.com-2", token);
        Assert.Equal(2, login.TokenRequests);
    }

    [Fact]
    public async Task Invalidate_RejectedToken_NextCallRenews()
    {
        await using var login = await FakeLogin.StartAsync();
        await using var host = Host(login, new ManualTimeProvider());
        var provider = host.Get<ConnectorTokenProvider>();
        var first = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        provider.Invalidate(first!);
        var second = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-botframework.com-2", second);
    }

    [Fact]
    public async Task GetToken_AnonymousMode_ReturnsNullWithoutRequest()
    {
        await using var login = await FakeLogin.StartAsync();
        await using var host = BotFrameworkTestHost.Create(
            new Dictionary<string, string?> { ["AuthorityHost"] = login.AuthorityHost }, new ManualTimeProvider(), login.Certificate);

        var token = await host.Get<ConnectorTokenProvider>().GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Null(token);
        Assert.Empty(login.Server.Requests);
    }

    private static BotFrameworkTestHost Host(FakeLogin login, ManualTimeProvider clock, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AppId"] = "app-1",
            ["AppPassword"] = "secret-1",
            ["AuthorityHost"] = login.AuthorityHost,
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return BotFrameworkTestHost.Create(settings, clock, login.Certificate);
    }
}
