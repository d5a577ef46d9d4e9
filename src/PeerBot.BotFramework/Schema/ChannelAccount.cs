using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>A user or bot on a channel (PROTOCOL.md §1.3). On SMS the id is a phone number: never log it.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-scoped id.</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>Entra object id (Teams).</summary>
    public string? AadObjectId { get; set; }
    /// <summary><c>user</c>, <c>bot</c> or <c>skill</c>.</summary>
    public string? Role { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation (PROTOCOL.md §1.3).</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id. On SMS it contains the client's phone number.</summary>
    public string? Id { get; set; }
    /// <summary>Name.</summary>
    public string? Name { get; set; }
    /// <summary>Group conversation flag.</summary>
    public bool? IsGroup { get; set; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> (Teams).</summary>
    public string? ConversationType { get; set; }
    /// <summary>Entra object id.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>Role.</summary>
    public string? Role { get; set; }
    /// <summary>Tenant id (Teams).</summary>
    public string? TenantId { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A reaction (messageReaction).</summary>
public sealed class MessageReaction
{
    /// <summary>Reaction type, e.g. like.</summary>
    public string? Type { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
