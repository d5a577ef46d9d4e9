using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>What is needed to message a conversation later (proactive sends, PROTOCOL.md §1.3, §5).</summary>
public sealed class ConversationReference
{
    /// <summary>The activity referenced.</summary>
    public string? ActivityId { get; set; }
    /// <summary>The user.</summary>
    public ChannelAccount? User { get; set; }
    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>Channel id.</summary>
    public string? ChannelId { get; set; }
    /// <summary>Locale.</summary>
    public string? Locale { get; set; }
    /// <summary>Connector base URL.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
