using Microsoft.Extensions.Options;

namespace PeerBot.BotFramework;

/// <summary>Checks <see cref="BotFrameworkOptions"/> at start-up; messages name settings, never their values.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        List<string> failures = [];
        if (!options.IsAnonymous)
        {
            if (string.IsNullOrWhiteSpace(options.AppPassword))
                failures.Add("AppPassword is required when AppId is set.");
            if (options.IsSingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
                failures.Add("TenantId is required for AppType SingleTenant.");
            if (!options.IsSingleTenant && !string.Equals(options.AppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
                failures.Add("AppType must be MultiTenant or SingleTenant.");
        }
        CheckUrl(options.OpenIdMetadataUrl, nameof(options.OpenIdMetadataUrl), failures);
        CheckUrl(options.EmulatorOpenIdMetadataUrl, nameof(options.EmulatorOpenIdMetadataUrl), failures);
        CheckUrl(options.AuthorityHost, nameof(options.AuthorityHost), failures, httpsOnly: true);
        foreach (var url in options.TrustedServiceUrls)
            CheckUrl(url, nameof(options.TrustedServiceUrls), failures);
        if (options.ConnectorMaxRetries is < 0 or > 10)
            failures.Add("ConnectorMaxRetries must be between 0 and 10.");
        if (options.ConnectorRetryBaseDelay <= TimeSpan.Zero || options.ConnectorRetryMaxDelay < options.ConnectorRetryBaseDelay)
            failures.Add("ConnectorRetryBaseDelay must be positive and not above ConnectorRetryMaxDelay.");
        if (options.MetadataRefreshInterval <= TimeSpan.Zero || options.MetadataRefreshInterval > TimeSpan.FromHours(24))
            failures.Add("MetadataRefreshInterval must be positive and at most 24 hours.");
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
            failures.Add("ClockSkew must be between 0 and 10 minutes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Absolute https URL, or http to a loopback host (local tests and tools).</summary>
    private static void CheckUrl(string? value, string setting, List<string> failures, bool httpsOnly = false)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            failures.Add($"{setting} must be an absolute https URL{(httpsOnly ? "" : " (http only for loopback)")}.");
    }
}
