using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>
/// An RSA key generated in the test run: signs tokens and describes itself as a JWK. Key material is generated once
/// per <c>material</c> name (RSA generation is slow on a busy machine) and never changes.
/// </summary>
internal sealed class TestSigningKey
{
    private static readonly ConcurrentDictionary<string, Lazy<RSAParameters>> Generated = new();
    private readonly RSAParameters _parameters;

    /// <param name="keyId">The kid published and put into token headers.</param>
    /// <param name="material">Which generated key pair to use; defaults to one per kid. Same kid with other
    /// material makes an impostor key.</param>
    public TestSigningKey(string keyId, string? material = null)
    {
        KeyId = keyId;
        var parameters = Generated.GetOrAdd(material ?? keyId, _ => new Lazy<RSAParameters>(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(true);
        })).Value;
        _parameters = parameters;
    }

    public string KeyId { get; }

    /// <summary>The public key as a JWK, with Bot Framework <c>endorsements</c> when given.</summary>
    public JsonObject ToJwk(params string[] endorsements)
    {
        var parameters = _parameters;
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        return jwk;
    }

    /// <summary>A signed token; <paramref name="claims"/> adds payload claims such as serviceurl.</summary>
    public string CreateToken(string issuer, string audience, DateTimeOffset notBefore, DateTimeOffset expires,
        IDictionary<string, object>? claims = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_parameters) { KeyId = KeyId }, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
