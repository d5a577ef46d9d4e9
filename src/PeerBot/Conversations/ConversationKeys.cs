using System.Security.Cryptography;
using System.Text;

namespace PeerBot.Conversations;

/// <summary>Opaque keys and hashes minted at the protocol edge, so channel ids (phone numbers) never reach logs.</summary>
public static class ConversationKeys
{
    public static string NewKey() => "cv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string ChannelHash(string channelId, string conversationId) =>
        Hash(channelId, conversationId);

    public static string ActivityHash(string channelId, string conversationId, string activityId) =>
        Hash(channelId, conversationId, activityId);

    private static string Hash(params string[] parts)
    {
        var joined = string.Join('\u001f', parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
