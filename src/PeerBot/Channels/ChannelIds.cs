namespace PeerBot.Channels;

/// <summary>Channel ids PeerBot renders differently (PROTOCOL.md §6).</summary>
public static class ChannelIds
{
    public const string Sms = "sms";
    public const string Teams = "msteams";
    public const string WebChat = "webchat";
    public const string DirectLine = "directline";
    public const string Emulator = "emulator";

    /// <summary>ABS Twilio (<c>sms</c>), the direct Twilio adapter (<c>twilio-sms</c>) and ACS SMS (<c>acs_sms</c>).</summary>
    public static bool IsSms(string channelId) => channelId is Sms or "twilio-sms" or "acs_sms";
}
