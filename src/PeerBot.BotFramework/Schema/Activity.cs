using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity (Activity Protocol v3, PROTOCOL.md §1.2). Every field the .NET SDK serializes is
/// here; properties the channel adds that we do not model round-trip through <see cref="ExtensionData"/>.
/// </summary>
public sealed partial class Activity
{
    /// <summary>The activity type, see <see cref="ActivityTypes"/>. Required on the wire.</summary>
    public string? Type { get; set; }
    /// <summary>Channel-assigned id; bots do not send it.</summary>
    public string? Id { get; set; }
    /// <summary>UTC time the channel sent the activity.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>Local time of the sender, with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; set; }
    /// <summary>Base URL of the connector that replies go to.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Channel id: msteams, sms, directline, webchat, emulator, …</summary>
    public string? ChannelId { get; set; }
    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The recipient.</summary>
    public ChannelAccount? Recipient { get; set; }
    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }
    /// <summary><c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; set; }
    /// <summary>Members added (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>Members removed (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>Reactions added (messageReaction).</summary>
    public IList<MessageReaction>? ReactionsAdded { get; set; }
    /// <summary>Reactions removed (messageReaction).</summary>
    public IList<MessageReaction>? ReactionsRemoved { get; set; }
    /// <summary>Deprecated topic name (conversationUpdate).</summary>
    public string? TopicName { get; set; }
    /// <summary>Deprecated history flag (conversationUpdate).</summary>
    public bool? HistoryDisclosed { get; set; }
    /// <summary>BCP-47 locale.</summary>
    public string? Locale { get; set; }
    /// <summary>Message text.</summary>
    public string? Text { get; set; }
    /// <summary>Spoken text or SSML.</summary>
    public string? Speak { get; set; }
    /// <summary><c>acceptingInput</c>, <c>expectingInput</c> or <c>ignoringInput</c>.</summary>
    public string? InputHint { get; set; }
    /// <summary>Fallback text for attachments.</summary>
    public string? Summary { get; set; }
    /// <summary>Suggested actions shown to the user.</summary>
    public SuggestedActions? SuggestedActions { get; set; }
    /// <summary>Cards and media.</summary>
    public IList<Attachment>? Attachments { get; set; }
    /// <summary>Entities such as mention or clientInfo, kept as raw JSON.</summary>
    public IList<JsonElement>? Entities { get; set; }
    /// <summary>Channel-specific data, kept as raw JSON.</summary>
    public JsonElement? ChannelData { get; set; }
    /// <summary><c>add</c>/<c>remove</c> for installationUpdate and contactRelationUpdate.</summary>
    public string? Action { get; set; }
    /// <summary>The activity this one replies to.</summary>
    public string? ReplyToId { get; set; }
    /// <summary>Trace label.</summary>
    public string? Label { get; set; }
    /// <summary>Trace value type.</summary>
    public string? ValueType { get; set; }
    /// <summary>Card submit data, event or invoke payload, kept as raw JSON.</summary>
    public JsonElement? Value { get; set; }
    /// <summary>Name of an event, invoke or command.</summary>
    public string? Name { get; set; }
    /// <summary>Reference to another conversation.</summary>
    public ConversationReference? RelatesTo { get; set; }
    /// <summary>endOfConversation code.</summary>
    public string? Code { get; set; }
    /// <summary>Expiry time.</summary>
    public DateTimeOffset? Expiration { get; set; }
    /// <summary><c>low</c>, <c>normal</c> or <c>high</c>.</summary>
    public string? Importance { get; set; }
    /// <summary><c>normal</c>, <c>notification</c>, <c>expectReplies</c> or <c>ephemeral</c>.</summary>
    public string? DeliveryMode { get; set; }
    /// <summary>Speech priming phrases.</summary>
    public IList<string>? ListenFor { get; set; }
    /// <summary>Text highlights (suggestion activities).</summary>
    public IList<JsonElement>? TextHighlights { get; set; }
    /// <summary>Semantic action.</summary>
    public JsonElement? SemanticAction { get; set; }
    /// <summary>Set by the bot after authentication; never trusted from the wire.</summary>
    public string? CallerId { get; set; }

    /// <summary>Properties not modelled above; they round-trip unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
