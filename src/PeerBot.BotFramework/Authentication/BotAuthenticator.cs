using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Authentication;

/// <summary>
/// Validates the Authorization header of an inbound activity (PROTOCOL.md §3): Azure Bot Service channel tokens
/// (issuer, audience = app id, RS256 signature by a published key, lifetime ± clock skew, the key's endorsement of
/// the activity's channel, the <c>serviceurl</c> claim) and Emulator tokens (issuer list, app id claim). On
/// success it sets <see cref="Activity.CallerId"/> and marks the activity's service URL as verified in
/// <see cref="TrustedServiceUrls"/>. Without an app id (anonymous mode) only requests without a header pass.
/// </summary>
public sealed class BotAuthenticator
{
    private readonly IOptions<BotFrameworkOptions> _options;
    private readonly TimeProvider _clock;
    private readonly TrustedServiceUrls _trusted;
    private readonly ILogger _logger;
    private readonly OpenIdKeyCache _channelKeys;
    private readonly OpenIdKeyCache _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Created by <see cref="BotFrameworkServices.AddBotFramework"/>.</summary>
    public BotAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider clock,
        TrustedServiceUrls trusted, ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options;
        _clock = clock;
        _trusted = trusted;
        _logger = logger;
        var o = options.Value;
        HttpClient Client() => httpClients.CreateClient(BotFrameworkHttpClients.OpenIdMetadata);
        _channelKeys = new OpenIdKeyCache(o.OpenIdMetadataUrl, Client, clock, o.MetadataRefreshInterval, o.UnknownKeyRefreshInterval, logger);
        _emulatorKeys = new OpenIdKeyCache(o.EmulatorOpenIdMetadataUrl, Client, clock, o.MetadataRefreshInterval, o.UnknownKeyRefreshInterval, logger);
    }

    /// <summary>Validates <paramref name="authorizationHeader"/> against <paramref name="activity"/>.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.CallerId = null; // never trusted from the wire (A2251)
        var options = _options.Value;
        if (string.IsNullOrEmpty(authorizationHeader))
            return options.IsAnonymous ? AuthenticationResult.Anonymous : Reject(401, "missing Authorization header");
        if (options.IsAnonymous)
            return Reject(401, "a token was sent but no app id is configured");
        if (!TryReadBearer(authorizationHeader, out var raw) || !_handler.CanReadToken(raw))
            return Reject(401, "malformed Authorization header");

        if (Read(raw) is not { } token)
            return Reject(401, "malformed token");
        var emulator = false;
        if (!string.Equals(token.Issuer, options.ChannelTokenIssuer, StringComparison.Ordinal))
        {
            emulator = options.EmulatorTokenIssuers.Contains(token.Issuer, StringComparer.Ordinal);
            if (!emulator)
                return Reject(401, "untrusted issuer");
        }

        var keys = await (emulator ? _emulatorKeys : _channelKeys)
            .GetAsync(string.IsNullOrEmpty(token.Kid) ? null : token.Kid, cancellationToken);
        if (keys is null)
            return Reject(401, "signing keys unavailable");

        var result = await _handler.ValidateTokenAsync(raw, Parameters(options, token.Issuer, keys));
        if (!result.IsValid)
            return Reject(401, Describe(result.Exception));

        var signedToken = (JsonWebToken)result.SecurityToken;
        var failure = emulator
            ? CheckEmulatorAppId(signedToken, options.AppId!)
            : CheckChannelClaims(signedToken, keys, activity);
        if (failure is not null)
            return failure;

        activity.CallerId = CallerIds.PublicAzureChannel;
        _trusted.Trust(activity.ServiceUrl);
        return new AuthenticationResult(true, 200, null, result.ClaimsIdentity, CallerIds.PublicAzureChannel);
    }

    private TokenValidationParameters Parameters(BotFrameworkOptions options, string issuer, SigningKeys keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudience = options.AppId,
        IssuerSigningKeys = keys.Keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = options.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, options.ClockSkew),
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() >= now - skew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + skew);
    }

    private AuthenticationResult? CheckChannelClaims(JsonWebToken token, SigningKeys keys, Activity activity)
    {
        var keyId = token.SigningKey?.KeyId ?? token.Kid;
        if (!string.IsNullOrEmpty(activity.ChannelId) && !keys.Endorses(keyId, activity.ChannelId))
            return Reject(403, "signing key not endorsed for the channel");
        if (!string.IsNullOrEmpty(activity.ServiceUrl)
            && !(token.TryGetPayloadValue<string>("serviceurl", out var claimed)
                 && string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)))
            return Reject(403, "serviceurl claim does not match the activity");
        return null;
    }

    private AuthenticationResult? CheckEmulatorAppId(JsonWebToken token, string appId)
    {
        token.TryGetPayloadValue<string>("ver", out var version);
        var claim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (claim is null)
            return Reject(401, "unknown token version");
        return token.TryGetPayloadValue<string>(claim, out var tokenAppId) && string.Equals(tokenAppId, appId, StringComparison.Ordinal)
            ? null
            : Reject(401, "token issued to another app");
    }

    private JsonWebToken? Read(string raw)
    {
        try
        {
            return _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return null; // SecurityTokenMalformedException derives from ArgumentException
        }
    }

    private static bool TryReadBearer(string header, out string token)
    {
        var parts = header.Split(' ');
        token = parts.Length == 2 ? parts[1] : string.Empty;
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.Ordinal) && token.Length > 0;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException
            or SecurityTokenNoExpirationException => "token lifetime invalid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        _ => "invalid token",
    };

    private AuthenticationResult Reject(int statusCode, string reason)
    {
        BotFrameworkLog.AuthenticationRejected(_logger, statusCode, reason);
        return AuthenticationResult.Fail(statusCode, reason);
    }
}
