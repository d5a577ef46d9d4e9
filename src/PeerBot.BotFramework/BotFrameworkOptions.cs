namespace PeerBot.BotFramework;

/// <summary>Bot registration and protocol settings (configuration section <c>PeerBot:BotFramework</c>).</summary>
public sealed class BotFrameworkOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "PeerBot:BotFramework";

    /// <summary>Microsoft App Id of the bot. Empty means anonymous local mode (Development only).</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret for outbound tokens. Required when <see cref="AppId"/> is set.</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public string AppType { get; set; } = "MultiTenant";

    /// <summary>Tenant id, required for SingleTenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>True when no app id is configured.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    /// <summary>OpenID metadata of Azure Bot Service channel tokens (PROTOCOL.md §3.2).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Emulator tokens (PROTOCOL.md §3.3).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } =
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of Azure Bot Service channel tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Issuers of Emulator tokens (PROTOCOL.md §3.3); a tenant's issuers may be added for single-tenant apps.</summary>
    public IList<string> EmulatorTokenIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>Signing keys are re-fetched when older than this (the channel asks for at least daily).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A token with an unknown key id forces a re-fetch at most this often.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allowed clock difference when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Host of the Entra token authority for outbound tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope requested for outbound connector tokens.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Service URL prefixes trusted from configuration (bearer tokens go to them without a prior inbound activity),
    /// e.g. <c>https://smba.trafficmanager.net/</c> for proactive Teams messages after a restart.
    /// </summary>
    public IList<string> TrustedServiceUrls { get; set; } = [];

    /// <summary>Retries of a connector call after the first attempt (429/412/502/503/504 and network errors).</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay when the connector gives no Retry-After; doubles per retry, ±20% jitter.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest backoff delay.</summary>
    public TimeSpan ConnectorRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A Retry-After longer than this ends the retries (the call fails instead of waiting).</summary>
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Outbound tokens are renewed this long before they expire.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True for the SingleTenant app type.</summary>
    internal bool IsSingleTenant => string.Equals(AppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);
}
