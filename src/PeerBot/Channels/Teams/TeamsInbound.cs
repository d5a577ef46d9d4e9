using System.Text.Json;
using System.Text.RegularExpressions;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.Teams;

/// <summary>
/// Teams specifics applied before the pipeline (PROTOCOL.md §6.1): the tenant id copied from
/// <c>channelData.tenant.id</c> into <c>conversation.tenantId</c> when missing (so the stored reference has it),
/// the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mention removed from the text, and an Adaptive Card
/// <c>Action.Execute</c> invoke turned into a message carrying the submitted data.
/// </summary>
public static partial class TeamsInbound
{
    public const string ChannelId = "msteams";
    public const string CardActionInvoke = "adaptiveCard/action";

    public static void Normalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != ChannelId)
            return;
        if (activity.Conversation is { TenantId: null } conversation && TenantFromChannelData(activity) is { } tenant)
            conversation.TenantId = tenant;
        if (!string.IsNullOrEmpty(activity.Text))
            activity.Text = StripBotMentions(activity);
        // An Action.Submit (the fallback of our cards) arrives as a message with value and no text.
        if (activity.Type == ActivityTypes.Message && string.IsNullOrEmpty(activity.Text)
            && activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("choice", out var choice) && choice.ValueKind == JsonValueKind.String)
            activity.Text = choice.GetString();
    }

    public static bool IsCardAction(Activity activity) =>
        activity.ChannelId == ChannelId && activity.Type == ActivityTypes.Invoke && activity.Name == CardActionInvoke;

    /// <summary>
    /// The invoke as a message turn: value = <c>value.action.data</c>; text = its <c>choice</c> (our cards put the
    /// chosen option there) so a choice prompt reads it like a typed answer. The invoke's id keeps de-duplication.
    /// </summary>
    public static Activity AsMessage(Activity invoke)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        JsonElement? data = null;
        if (invoke.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var d))
            data = d.Clone();
        var text = data is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("choice", out var choice)
            && choice.ValueKind == JsonValueKind.String ? choice.GetString() : null;

        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = invoke.Id,
            ChannelId = invoke.ChannelId,
            ServiceUrl = invoke.ServiceUrl,
            From = invoke.From,
            Recipient = invoke.Recipient,
            Conversation = invoke.Conversation,
            Locale = invoke.Locale,
            LocalTimezone = invoke.LocalTimezone,
            Entities = invoke.Entities,
            ChannelData = invoke.ChannelData,
            ReplyToId = invoke.ReplyToId,
            Timestamp = invoke.Timestamp,
            Text = text ?? string.Empty,
            Value = data,
        };
    }

    private static string? TenantFromChannelData(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            return id.GetString();
        return null;
    }

    /// <summary>Removes mentions of the bot (by its id in the mention entities, else any &lt;at&gt; tag of its name).</summary>
    private static string StripBotMentions(Activity activity)
    {
        var text = activity.Text!;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention"
                || !entity.TryGetProperty("text", out var markup) || markup.ValueKind != JsonValueKind.String)
                continue;
            var mentioned = entity.TryGetProperty("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
                && m.TryGetProperty("id", out var mid) ? mid.GetString() : null;
            if (botId is not null && mentioned == botId)
                text = text.Replace(markup.GetString()!, " ", StringComparison.Ordinal);
        }
        if (activity.Recipient?.Name is { Length: > 0 } name)
            text = text.Replace($"<at>{name}</at>", " ", StringComparison.OrdinalIgnoreCase);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Spaces();
}
