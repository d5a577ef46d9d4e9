using System.Collections.Frozen;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Channels;

/// <summary>
/// Per-channel rendering limits (PROTOCOL.md §6; button counts follow the Bot Builder SDK's
/// <c>Dialogs/Choices/Channel.cs</c>). Unknown channels get the most conservative entry: text only.
/// </summary>
public static class ChannelCapabilities
{
    /// <summary>Twilio's maximum body (error 21617); longer text must be split.</summary>
    public const int SmsMaxTextLength = 1600;

    /// <summary>
    /// Teams rejects messages over about 100 KB of UTF-16 (413 MessageSizeTooBig) and advises staying under 80 KB:
    /// 80 KB / 2 bytes per character.
    /// </summary>
    public const int TeamsMaxTextLength = 40_000;

    /// <summary>
    /// Direct Line and Web Chat reject payloads over 262,144 bytes; at up to 3 UTF-8 bytes per character, with room
    /// for the activity envelope, 80,000 characters fit.
    /// </summary>
    public const int DirectLineMaxTextLength = 80_000;

    /// <summary>Used for channel ids not in the table: plain text, no buttons.</summary>
    public static ChannelCapability Unknown { get; } = new("", false, 0, false, false, 0, SmsMaxTextLength, false);

    private static readonly FrozenDictionary<string, ChannelCapability> Table = new[]
    {
        new ChannelCapability(ChannelIds.MsTeams, true, 3, true, true, 50, TeamsMaxTextLength, false),
        new ChannelCapability(ChannelIds.DirectLine, true, 100, false, true, 100, DirectLineMaxTextLength, false),
        new ChannelCapability(ChannelIds.WebChat, true, 100, false, true, 100, DirectLineMaxTextLength, false),
        new ChannelCapability(ChannelIds.Emulator, true, 100, false, true, 100, null, false),
        new ChannelCapability(ChannelIds.Sms, false, 0, false, false, 0, SmsMaxTextLength, true),
        new ChannelCapability(ChannelIds.TwilioSms, false, 0, false, false, 0, SmsMaxTextLength, true),
        new ChannelCapability(ChannelIds.AcsSms, false, 0, false, false, 0, SmsMaxTextLength, true),
    }.ToFrozenDictionary(c => c.ChannelId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The capabilities of <paramref name="channelId"/>, or <see cref="Unknown"/>.</summary>
    public static ChannelCapability For(string? channelId) =>
        channelId is not null && Table.TryGetValue(channelId, out var capability) ? capability : Unknown;
}
