using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace PeerBot.BotFramework.Authentication;

/// <summary>
/// Outbound bearer tokens for the Connector API (PROTOCOL.md §4): MSAL client credentials against
/// <c>{AuthorityHost}/botframework.com</c> (MultiTenant) or <c>{AuthorityHost}/{TenantId}</c> (SingleTenant),
/// scope <see cref="BotFrameworkOptions.OAuthScope"/>. The token is cached and renewed
/// <see cref="BotFrameworkOptions.TokenRefreshMargin"/> before it expires; concurrent callers share one request.
/// Returns null in anonymous mode.
/// </summary>
internal sealed class ConnectorTokenProvider(
    IOptions<BotFrameworkOptions> options,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<ConnectorTokenProvider> logger)
{
    private readonly Lock _gate = new();
    private IConfidentialClientApplication? _application;
    private CachedToken? _cached;
    private Task<CachedToken>? _acquiring;

    /// <summary>A valid token, or null when no app id is configured.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsAnonymous)
            return null;
        Task<CachedToken> acquiring;
        lock (_gate)
        {
            if (_cached is { } cached && cached.ExpiresOn - clock.GetUtcNow() > settings.TokenRefreshMargin)
                return cached.AccessToken;
            if (_acquiring is null || _acquiring.IsCompleted)
                _acquiring = AcquireAsync(settings);
            acquiring = _acquiring;
        }
        return (await acquiring.WaitAsync(cancellationToken)).AccessToken;
    }

    /// <summary>Drops <paramref name="rejectedToken"/> (the connector answered 401) so the next call renews it.</summary>
    public void Invalidate(string rejectedToken)
    {
        lock (_gate)
        {
            if (_cached?.AccessToken == rejectedToken)
                _cached = null;
        }
    }

    /// <summary>Shared by all waiting callers, so it does not take any one caller's cancellation.</summary>
    private async Task<CachedToken> AcquireAsync(BotFrameworkOptions settings)
    {
        // Our cache decides when to renew, so MSAL is asked for a fresh token rather than its own cached one.
        var result = await Application(settings)
            .AcquireTokenForClient([settings.OAuthScope])
            .WithForceRefresh(true)
            .ExecuteAsync(CancellationToken.None);
        // MSAL states expiry on the system clock; carry the lifetime over to the injected clock.
        var lifetime = result.ExpiresOn - TimeProvider.System.GetUtcNow();
        var token = new CachedToken(result.AccessToken, clock.GetUtcNow() + lifetime);
        lock (_gate)
            _cached = token;
        BotFrameworkLog.TokenAcquired(logger, token.ExpiresOn);
        return token;
    }

    private IConfidentialClientApplication Application(BotFrameworkOptions settings)
    {
        lock (_gate)
        {
            return _application ??= ConfidentialClientApplicationBuilder.Create(settings.AppId)
                .WithClientSecret(settings.AppPassword)
                .WithAuthority(Authority(settings))
                .WithInstanceDiscovery(false)
                .WithHttpClientFactory(new MsalHttpClientFactory(httpClients))
                .Build();
        }
    }

    internal static string Authority(BotFrameworkOptions settings) =>
        $"{settings.AuthorityHost.TrimEnd('/')}/{(settings.IsSingleTenant ? settings.TenantId : "botframework.com")}";

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresOn);

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(BotFrameworkHttpClients.TokenService);
    }
}
