using System.Security.Cryptography;
using System.Text;

namespace PeerBot.Channels.Sms;

/// <summary>SMS channel ids and the phone-number hash that keys every SMS table (never the number itself).</summary>
public static class SmsChannel
{
    /// <summary>Azure Bot Service's Twilio channel and our direct webhook both use <c>sms</c>.</summary>
    public const string Id = ChannelIds.Sms;

    /// <summary>
    /// The service URL stored in references of conversations that came through <c>/api/sms/twilio</c>: replies to
    /// them go through Twilio's REST API, not a Bot Connector.
    /// </summary>
    public const string DirectServiceUrl = "urn:peerbot:twilio";

    public static bool IsSms(string? channelId) => channelId is not null && ChannelIds.IsSms(channelId);

    /// <summary>SHA-256 of the number's digits, so "+1 (555) 123-4567" and "+15551234567" are one person.</summary>
    public static string NumberHash(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var key = digits.Length > 0 ? digits : number.Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("peerbot-sms-number\u001f" + key)));
    }
}
