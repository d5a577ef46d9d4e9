using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace PeerBot.BotFramework.Authentication;

/// <summary>
/// The signing keys behind one OpenID metadata URL (metadata → <c>jwks_uri</c> → keys with endorsements),
/// cached. Re-fetched when older than the refresh interval (≤ 24 h), and once when a token names an unknown
/// <c>kid</c> (at most once per <c>UnknownKeyRefreshInterval</c>). One fetch at a time; a failed fetch keeps
/// the previous keys.
/// </summary>
internal sealed class OpenIdKeyCache(
    string metadataUrl,
    Func<HttpClient> httpClients,
    TimeProvider clock,
    TimeSpan refreshInterval,
    TimeSpan unknownKeyRefreshInterval,
    ILogger logger)
{
    private readonly Lock _gate = new();
    private Task? _fetch;
    private readonly string _host = new Uri(metadataUrl).Host;
    private volatile SigningKeys? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastUnknownKeyFetch = DateTimeOffset.MinValue;

    /// <summary>After a failed fetch, requests use the old keys (or fail) for this long before the next try.</summary>
    private static readonly TimeSpan FailedFetchBackoff = TimeSpan.FromSeconds(10);

    /// <summary>The keys, fetched or refreshed first if needed; null when they have never been fetched.</summary>
    public async Task<SigningKeys?> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        Task? fetch = null;
        lock (_gate)
        {
            if (_fetch is { IsCompleted: false })
                fetch = _fetch;
            else if (NeedsFetch(_current, keyId, out var unknownKey))
            {
                _lastAttempt = clock.GetUtcNow();
                if (unknownKey)
                {
                    _lastUnknownKeyFetch = _lastAttempt;
                    BotFrameworkLog.UnknownSigningKey(logger, _host);
                }
                fetch = _fetch = FetchAsync();
            }
        }
        if (fetch is not null)
            await fetch.WaitAsync(cancellationToken);
        return _current;
    }

    private bool NeedsFetch(SigningKeys? keys, string? keyId, out bool unknownKey)
    {
        var now = clock.GetUtcNow();
        unknownKey = false;
        if (keys is null || now - keys.FetchedAt >= refreshInterval)
            return now - _lastAttempt >= FailedFetchBackoff;
        unknownKey = keyId is not null && !keys.Contains(keyId) && now - _lastUnknownKeyFetch >= unknownKeyRefreshInterval;
        return unknownKey;
    }

    /// <summary>Shared by every waiting request, so it does not take any one request's cancellation.</summary>
    private async Task FetchAsync()
    {
        var cancellationToken = CancellationToken.None;
        try
        {
            var http = httpClients();
            var jwksUri = await ReadJwksUriAsync(http, cancellationToken);
            var json = await http.GetStringAsync(jwksUri, cancellationToken);
            var set = new JsonWebKeySet(json) { SkipUnresolvedJsonWebKeys = true };
            var keys = set.GetSigningKeys();
            _current = new SigningKeys([.. keys], ReadEndorsements(json), clock.GetUtcNow());
            BotFrameworkLog.KeysRefreshed(logger, _host, keys.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or InvalidOperationException
                                       or TaskCanceledException)
        {
            BotFrameworkLog.KeysRefreshFailed(logger, ex, _host, _current?.Keys.Count ?? 0);
        }
    }

    private async Task<Uri> ReadJwksUriAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await using var stream = await http.GetStreamAsync(metadataUrl, cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("jwks_uri", out var value)
            || value.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri))
            throw new InvalidOperationException("OpenID metadata has no jwks_uri.");
        return uri;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadEndorsements(string json)
    {
        Dictionary<string, IReadOnlyList<string>> result = new(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return result;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
                continue;
            result[kid.GetString()!] = [.. endorsements.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)];
        }
        return result;
    }
}
