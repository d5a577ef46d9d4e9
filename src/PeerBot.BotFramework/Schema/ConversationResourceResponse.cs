using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>The connector's answer to create conversation.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>The new conversation's id.</summary>
    public string? Id { get; set; }
    /// <summary>Id of the first activity, when one was sent.</summary>
    public string? ActivityId { get; set; }
    /// <summary>Service URL to use for the new conversation, when it differs.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
