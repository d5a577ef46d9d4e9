namespace PeerBot.BotFramework.Channels;

/// <summary>
/// What a channel can render (PROTOCOL.md §6, §10 item 10). Rendering code picks suggested actions, a card with
/// buttons, or a numbered text list from this, and splits or shortens text to <see cref="MaxTextLength"/>.
/// </summary>
/// <param name="ChannelId">The channel id this entry describes (empty for the unknown-channel default).</param>
/// <param name="SupportsSuggestedActions">Suggested actions (quick-reply buttons) are shown.</param>
/// <param name="MaxSuggestedActions">Most suggested actions shown; 0 when unsupported.</param>
/// <param name="SuggestedActionsPersonalOnly">Suggested actions only in 1:1 chats (Teams: conversationType personal).</param>
/// <param name="SupportsCardActions">Cards with buttons (hero/adaptive) are shown and their buttons work.</param>
/// <param name="MaxCardActions">Most buttons on one card; 0 when unsupported.</param>
/// <param name="MaxTextLength">Most characters of text in one message; null when the channel documents no limit.</param>
/// <param name="SegmentsText">Text is billed and delivered in SMS segments (160 GSM-7 / 70 UCS-2 characters,
/// 153 / 67 when concatenated); keep messages short and do not rely on the order of several messages.</param>
public sealed record ChannelCapability(
    string ChannelId,
    bool SupportsSuggestedActions,
    int MaxSuggestedActions,
    bool SuggestedActionsPersonalOnly,
    bool SupportsCardActions,
    int MaxCardActions,
    int? MaxTextLength,
    bool SegmentsText);
