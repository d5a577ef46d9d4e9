using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>An RSA key generated for the test: signs tokens and describes itself as a JWK.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    /// <summary>The public key as a JWK, with Bot Framework <c>endorsements</c> when given.</summary>
    public JsonObject ToJwk(params string[] endorsements)
    {
        var parameters = _rsa.ExportParameters(false);
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
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
