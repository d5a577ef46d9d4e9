namespace PeerBot.BotFramework.Schema;

/// <summary>Well-known channel ids (PROTOCOL.md §6).</summary>
public static class ChannelIds
{
    /// <summary>Microsoft Teams.</summary>
    public const string MsTeams = "msteams";
    /// <summary>Azure Bot Service SMS (Twilio-hosted).</summary>
    public const string Sms = "sms";
    /// <summary>The self-hosted Twilio adapter.</summary>
    public const string TwilioSms = "twilio-sms";
    /// <summary>Azure Communication Services SMS through a custom adapter.</summary>
    public const string AcsSms = "acs_sms";
    /// <summary>Direct Line 3.0.</summary>
    public const string DirectLine = "directline";
    /// <summary>Web Chat embedded in the Azure portal.</summary>
    public const string WebChat = "webchat";
    /// <summary>Bot Framework Emulator.</summary>
    public const string Emulator = "emulator";
}
