using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>A card or media attachment (PROTOCOL.md §1.3).</summary>
public sealed class Attachment
{
    /// <summary>MIME type, e.g. application/vnd.microsoft.card.adaptive.</summary>
    public string? ContentType { get; set; }
    /// <summary>URL of the content (never with <see cref="Content"/>).</summary>
    public string? ContentUrl { get; set; }
    /// <summary>Inline content (a card), raw JSON.</summary>
    public JsonElement? Content { get; set; }
    /// <summary>Name.</summary>
    public string? Name { get; set; }
    /// <summary>Thumbnail URL.</summary>
    public string? ThumbnailUrl { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Suggested actions: buttons that disappear once used.</summary>
public sealed class SuggestedActions
{
    /// <summary>Recipient ids the actions are shown to.</summary>
    public IList<string>? To { get; set; }
    /// <summary>The actions.</summary>
    public IList<CardAction> Actions { get; set; } = [];
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A clickable action (PROTOCOL.md §1.3).</summary>
public sealed class CardAction
{
    /// <summary>imBack, postBack, messageBack, openUrl, …</summary>
    public string? Type { get; set; }
    /// <summary>Button label.</summary>
    public string? Title { get; set; }
    /// <summary>Image URL.</summary>
    public string? Image { get; set; }
    /// <summary>Image alt text.</summary>
    public string? ImageAltText { get; set; }
    /// <summary>Text sent (messageBack).</summary>
    public string? Text { get; set; }
    /// <summary>Text displayed (messageBack).</summary>
    public string? DisplayText { get; set; }
    /// <summary>Value: text for imBack, data for postBack.</summary>
    public JsonElement? Value { get; set; }
    /// <summary>Channel data.</summary>
    public JsonElement? ChannelData { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
