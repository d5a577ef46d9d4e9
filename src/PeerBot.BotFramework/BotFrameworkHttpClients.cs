namespace PeerBot.BotFramework;

/// <summary>
/// Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients this library uses, so a host can configure
/// them (proxies, handlers), e.g. <c>services.AddHttpClient(BotFrameworkHttpClients.Connector).ConfigurePrimaryHttpMessageHandler(…)</c>.
/// </summary>
public static class BotFrameworkHttpClients
{
    /// <summary>
    /// The typed client behind <see cref="Connector.ConnectorClient"/> (its type name, so
    /// <c>services.AddHttpClient&lt;ConnectorClient&gt;()</c> configures the same client).
    /// </summary>
    public const string Connector = nameof(PeerBot.BotFramework.Connector.ConnectorClient);

    /// <summary>Fetches OpenID metadata and signing keys.</summary>
    public const string OpenIdMetadata = "PeerBot.BotFramework.OpenIdMetadata";

    /// <summary>Used by MSAL for outbound token requests.</summary>
    public const string TokenService = "PeerBot.BotFramework.TokenService";
}
