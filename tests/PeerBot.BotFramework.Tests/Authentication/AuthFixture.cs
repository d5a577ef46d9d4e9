using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.BotFramework.Tests.Testing;

namespace PeerBot.BotFramework.Tests.Authentication;

/// <summary>One test's world for inbound auth: a fake login server, a manual clock and the library composed over them.</summary>
internal sealed class AuthFixture : IAsyncDisposable
{
    public const string AppId = "app-1";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ChannelIssuer = "https://api.botframework.com";

    private AuthFixture(FakeLogin login, BotFrameworkTestHost host, ManualTimeProvider clock, TestSigningKey key)
    {
        Login = login;
        Host = host;
        Clock = clock;
        Key = key;
    }

    public FakeLogin Login { get; }
    public BotFrameworkTestHost Host { get; }
    public ManualTimeProvider Clock { get; }
    public TestSigningKey Key { get; }
    public BotAuthenticator Authenticator => Host.Get<BotAuthenticator>();
    public TrustedServiceUrls Trusted => Host.Get<TrustedServiceUrls>();

    /// <summary>Publishes <see cref="Key"/> as "key-1" endorsed for msteams and sms.</summary>
    public static async Task<AuthFixture> StartAsync()
    {
        var login = await FakeLogin.StartAsync();
        var key = new TestSigningKey("key-1");
        login.AddChannelKey(key, "msteams", "sms");
        var clock = new ManualTimeProvider();
        var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>
        {
            ["AppId"] = AppId,
            ["AppPassword"] = "secret-1",
            ["OpenIdMetadataUrl"] = login.ChannelMetadataUrl,
            ["EmulatorOpenIdMetadataUrl"] = login.EmulatorMetadataUrl,
        }, clock, login.Certificate);
        return new AuthFixture(login, host, clock, key);
    }

    public static Activity Activity(string channelId = "msteams", string serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:1" },
        CallerId = "urn:forged:from-the-wire",
    };

    /// <summary>A channel token valid now, for <see cref="ServiceUrl"/>, signed by <paramref name="key"/> (default <see cref="Key"/>).</summary>
    public string ChannelToken(TestSigningKey? key = null, string issuer = ChannelIssuer, string audience = AppId,
        TimeSpan? expiresIn = null, string? serviceUrl = ServiceUrl, string algorithm = "RS256")
    {
        var now = Clock.GetUtcNow();
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
            claims["serviceurl"] = serviceUrl;
        return (key ?? Key).CreateToken(issuer, audience, now.AddMinutes(-70), now + (expiresIn ?? TimeSpan.FromMinutes(50)),
            claims, algorithm);
    }

    public Task<AuthenticationResult> AuthenticateAsync(string? header, Activity activity) =>
        Authenticator.AuthenticateAsync(header, activity, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Login.DisposeAsync();
    }
}
