using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeerBot.BotFramework.Connector;

/// <summary>
/// Service URLs that may receive the bot's bearer token (PROTOCOL.md §4, A7560): those seen on an authenticated
/// inbound activity (<see cref="Authentication.BotAuthenticator"/> adds them), those restored from a stored
/// conversation reference marked verified (the host calls <see cref="Trust"/>), and configured prefixes
/// (<see cref="BotFrameworkOptions.TrustedServiceUrls"/>).
/// </summary>
public sealed class TrustedServiceUrls(IOptions<BotFrameworkOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="serviceUrl"/> as verified. Ignores values that are not absolute http(s) URLs.</summary>
    public void Trust(string? serviceUrl)
    {
        if (Normalize(serviceUrl) is { } key)
            _verified.TryAdd(key, 0);
    }

    /// <summary>True when a token may be sent to <paramref name="serviceUrl"/>.</summary>
    public bool IsTrusted(string? serviceUrl)
    {
        if (Normalize(serviceUrl) is not { } key)
            return false;
        if (_verified.ContainsKey(key))
            return true;
        foreach (var prefix in options.Value.TrustedServiceUrls)
        {
            if (Normalize(prefix) is { } p && key.StartsWith(p, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Scheme and host lower-cased, default port dropped, path kept as sent, ending in a slash.</summary>
    internal static string? Normalize(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            return null;
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}";
    }
}
