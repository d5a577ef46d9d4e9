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
