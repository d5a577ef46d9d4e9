using System.Text.Json;
using PeerBot.Conversations;

namespace PeerBot.Dialogs;

public enum DialogInputKind
{
    /// <summary>A client message.</summary>
    Message,
    /// <summary>The client joined (install, conversationUpdate): greet them.</summary>
    Welcome,
}

/// <summary>One turn's input to the dialog engine. <paramref name="Value"/> carries card submit data.</summary>
/// <remarks>
/// <paramref name="ConversationKey"/> is PeerBot's opaque key (safe to log); never the channel's id.
/// <paramref name="OfferPeer"/>: the safety scan found a moderate signal in this message; instead of taking it as an
/// answer, the engine asks "would you like to talk with a peer?" (yes → HandoffRequested("moderate")) and then
/// asks the waiting question again.
/// <paramref name="TimeZone"/>: the IANA zone the channel sent with this activity (Web Chat, Teams), if any.
/// </remarks>
public sealed record DialogInput(
    DialogInputKind Kind,
    string ConversationKey,
    ClientText Text,
    JsonElement? Value,
    string ChannelId,
    string Locale,
    DateTimeOffset Now,
    bool OfferPeer = false,
    string? TimeZone = null);
