using System.Text.Json;

namespace PeerBot.BotFramework.Schema;

public sealed partial class Activity
{
    /// <summary>The <c>mention</c> entities of this activity.</summary>
    public IReadOnlyList<Mention> GetMentions()
    {
        List<Mention> mentions = [];
        foreach (var entity in EntitiesOfType(EntityTypes.Mention))
        {
            var mentioned = entity.TryGetProperty("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
                ? m.Deserialize<ChannelAccount>(BotJson.Options)
                : null;
            mentions.Add(new Mention(mentioned, StringProperty(entity, "text")));
        }
        return mentions;
    }

    /// <summary>The first <c>clientInfo</c> entity, or null.</summary>
    public ClientInfo? GetClientInfo()
    {
        foreach (var entity in EntitiesOfType(EntityTypes.ClientInfo))
        {
            return new ClientInfo(
                StringProperty(entity, "locale"),
                StringProperty(entity, "country"),
                StringProperty(entity, "platform"),
                StringProperty(entity, "timezone"));
        }
        return null;
    }

    /// <summary>
    /// <see cref="Text"/> without the markup that mentions the recipient (the bot), trimmed. Teams puts
    /// <c>&lt;at&gt;BotName&lt;/at&gt;</c> into the text of channel and group messages. Does not modify the activity.
    /// </summary>
    public string? GetTextWithoutRecipientMention() =>
        Recipient?.Id is { Length: > 0 } id ? GetTextWithoutMentionOf(id) : Text?.Trim();

    /// <summary><see cref="Text"/> without the markup of every mention of <paramref name="accountId"/>, trimmed.</summary>
    public string? GetTextWithoutMentionOf(string accountId)
    {
        if (Text is null)
            return null;
        var text = Text;
        foreach (var mention in GetMentions())
        {
            if (!string.Equals(mention.Mentioned?.Id, accountId, StringComparison.Ordinal))
                continue;
            var markup = mention.Text ?? (mention.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(markup))
                text = text.Replace(markup, string.Empty, StringComparison.Ordinal);
        }
        return text.Trim();
    }

    private IEnumerable<JsonElement> EntitiesOfType(string type)
    {
        if (Entities is null)
            yield break;
        foreach (var entity in Entities)
        {
            if (entity.ValueKind == JsonValueKind.Object
                && string.Equals(StringProperty(entity, "type"), type, StringComparison.OrdinalIgnoreCase))
                yield return entity;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
