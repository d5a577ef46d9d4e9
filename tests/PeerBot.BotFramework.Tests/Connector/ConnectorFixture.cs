using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Tests.Testing;

namespace PeerBot.BotFramework.Tests.Connector;

/// <summary>A fake connector and the library composed over it (anonymous unless a fake login is given).</summary>
internal sealed class ConnectorFixture : IAsyncDisposable
{
    private ConnectorFixture(FakeConnector connector, BotFrameworkTestHost host, ManualTimeProvider clock, FakeLogin? login)
    {
        Connector = connector;
        Host = host;
        Clock = clock;
        Login = login;
    }

    public FakeConnector Connector { get; }
    public BotFrameworkTestHost Host { get; }
    public ManualTimeProvider Clock { get; }
    public FakeLogin? Login { get; }
    public ConnectorClient Client => Host.Get<ConnectorClient>();
    public TrustedServiceUrls Trusted => Host.Get<TrustedServiceUrls>();

    public static async Task<ConnectorFixture> StartAsync(bool authenticated = false, Dictionary<string, string?>? settings = null,
        ManualTimeProvider? clock = null)
    {
        var connector = await FakeConnector.StartAsync();
        var login = authenticated ? await FakeLogin.StartAsync() : null;
        var all = new Dictionary<string, string?>(settings ?? []);
        if (login is not null)
        {
            all["AppId"] = "app-1";
            all["AppPassword"] = "secret-1";
            all["AuthorityHost"] = login.AuthorityHost;
        }
        clock ??= new ManualTimeProvider();
        var host = BotFrameworkTestHost.Create(all, clock, login?.Certificate);
        return new ConnectorFixture(connector, host, clock, login);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        if (Login is not null)
            await Login.DisposeAsync();
    }
}
