using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Data;

namespace PeerBot.Conversations;

/// <summary>Finds or creates the conversation row for an inbound activity and keeps its reference current.</summary>
public sealed class ConversationStore(PeerBotDb db, TimeProvider clock)
{
    // Compiled once: the turn's first query skips LINQ translation and its cache lookup on every turn.
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ConversationRecord?>>> ByChannelHash =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string hash, CancellationToken _) =>
            db.Set<ConversationRecord>().SingleOrDefault(c => c.ChannelHash == hash)));

    public async Task<ConversationRecord> GetOrCreateAsync(Activity activity, bool verified, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId!;
        var hash = ConversationKeys.ChannelHash(channelId, activity.Conversation!.Id!);
        var now = clock.GetUtcNow();
        var record = await ByChannelHash.For(db)(db, hash, cancellationToken);
        if (record is null)
        {
            record = new ConversationRecord
            {
                Key = ConversationKeys.NewKey(),
                ChannelHash = hash,
                ChannelId = channelId,
                CreatedAt = now,
                LastActivityAt = now,
                Locale = NormalizeLocale(activity.Locale),
            };
            db.Add(record);
        }

        // The service URL can change between activities (PROTOCOL.md §10 item 8): always keep the latest.
        record.ReferenceJson = JsonSerializer.Serialize(ReferenceOf(activity), BotJson.Options);
        record.ServiceUrlVerified = verified;
        record.LastActivityAt = now;
        return record;
    }

    public Task<ConversationRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Set<ConversationRecord>().SingleOrDefaultAsync(c => c.Key == key, cancellationToken);

    public static ConversationReference? ReadReference(ConversationRecord record) =>
        record.ReferenceJson is null
            ? null
            : JsonSerializer.Deserialize<ConversationReference>(record.ReferenceJson, BotJson.Options);

    public static string NormalizeLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? "en-US" : locale.Trim();

    public static ConversationReference ReferenceOf(Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };
}
