using System.Security.Cryptography;
using System.Text;

namespace PeerBot.Channels.Sms;

/// <summary>
/// <c>X-Twilio-Signature</c> (shared/fixtures/twilio/README.md §2): Base64(HMAC-SHA1(auth token, URL + every form
/// parameter as key+value, keys sorted ordinally, a repeated key's values sorted and de-duplicated)). The URL is tried
/// as received and then with its port toggled, as Twilio's SDKs do. Compared in constant time.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                data.Append(group.Key).Append(value);
        }
        return Sign(authToken, data.ToString());
    }

    /// <summary>Validates a form-encoded (or GET) webhook.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string?>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
            return false;
        var list = parameters.ToList();
        return UrlVariants(url).Any(variant => Matches(Compute(authToken, variant, list), signature));
    }

    /// <summary>
    /// Validates a JSON webhook: the signature covers the URL alone (which carries <c>bodySHA256</c>), and the body's
    /// SHA-256 must equal that parameter.
    /// </summary>
    public static bool IsValidJson(string authToken, string url, ReadOnlySpan<byte> rawBody, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
            return false;
        var expectedHash = BodyHashParameter(url);
        if (expectedHash is null)
            return false;
        var actualHash = Convert.ToHexStringLower(SHA256.HashData(rawBody));
        if (!Matches(actualHash, expectedHash.ToLowerInvariant()))
            return false;
        return UrlVariants(url).Any(variant => Matches(Sign(authToken, variant), signature));
    }

    /// <summary>The URL as received, then with the default port added (if none) or the explicit port removed.</summary>
    public static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var toggled = TogglePort(url);
        if (toggled is not null && toggled != url)
            yield return toggled;
    }

    private static string? TogglePort(string url)
    {
        // String surgery rather than Uri: Uri lower-cases the host and drops default ports, but the signature
        // covers the URL exactly as Twilio sent it (host case, user info, query).
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
            return null;
        var scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (pathStart < 0)
            pathStart = url.Length;
        var authority = url[authorityStart..pathStart];
        var hostStart = authority.LastIndexOf('@') + 1;
        var hostPort = authority[hostStart..];
        var colon = hostPort.LastIndexOf(':');
        var closingBracket = hostPort.LastIndexOf(']');
        string newHostPort;
        if (colon > closingBracket)
        {
            newHostPort = hostPort[..colon];
        }
        else
        {
            var port = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443
                : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? 80 : -1;
            if (port < 0)
                return null;
            newHostPort = hostPort + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return url[..authorityStart] + authority[..hostStart] + newHostPort + url[pathStart..];
    }

    private static string? BodyHashParameter(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
            return null;
        foreach (var pair in url[(query + 1)..].Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == "bodySHA256")
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return null;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's signature protocol is HMAC-SHA1.")]
    private static string Sign(string authToken, string data) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data)));

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
