using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>Body of <c>POST v3/conversations</c> (create conversation, PROTOCOL.md §1.3, §5).</summary>
public sealed class ConversationParameters
{
    /// <summary>Whether the conversation is a group conversation.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>The bot's account on the channel.</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>Members to add (for a 1:1 conversation, the user).</summary>
    public IList<ChannelAccount>? Members { get; set; }
    /// <summary>Topic of the conversation, if the channel supports one.</summary>
    public string? TopicName { get; set; }
    /// <summary>Optional first activity to send.</summary>
    public Activity? Activity { get; set; }
    /// <summary>Channel-specific payload (Teams: <c>{"tenant":{"id":…}}</c>).</summary>
    public JsonElement? ChannelData { get; set; }
    /// <summary>Tenant id (Teams).</summary>
    public string? TenantId { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
