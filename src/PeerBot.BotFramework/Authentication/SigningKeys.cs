using Microsoft.IdentityModel.Tokens;

namespace PeerBot.BotFramework.Authentication;

/// <summary>One fetch of a JWKS: the keys and each key's channel endorsements (PROTOCOL.md §3.2).</summary>
internal sealed record SigningKeys(
    IReadOnlyList<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
    DateTimeOffset FetchedAt)
{
    public bool Contains(string keyId) => Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>True when the key <paramref name="keyId"/> lists <paramref name="channelId"/> among its endorsements.</summary>
    public bool Endorses(string? keyId, string channelId) =>
        keyId is not null
        && Endorsements.TryGetValue(keyId, out var endorsements)
        && endorsements.Contains(channelId, StringComparer.Ordinal);
}
