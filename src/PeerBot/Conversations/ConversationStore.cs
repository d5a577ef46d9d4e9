using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Scheduling;
using PeerBot.Summaries;

namespace PeerBot.Conversations;

/// <summary>Finds or creates the conversation row for an inbound activity and keeps its reference current.</summary>
public sealed class ConversationStore(PeerBotDb db, TimeProvider clock)
{
    // Compiled once: the turn's first query skips LINQ translation and its cache lookup on every turn.
    // With it, which of the conversation's rarely present rows exist (TurnFacts): one round trip, not six.
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ConversationWithFacts?>>> ByChannelHash =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string hash, CancellationToken _) =>
            db.Set<ConversationRecord>().Where(c => c.ChannelHash == hash).Select(c => new ConversationWithFacts(c, new TurnFacts(
                c.Key,
                db.Set<ChannelState>().Any(s => s.ConversationKey == c.Key),
                db.Set<ClientSchedule>().Any(s => s.ConversationKey == c.Key),
                db.Set<ConsentEntry>().Any(e => e.ConversationKey == c.Key),
                db.Set<PrivacyPrompt>().Any(p => p.ConversationKey == c.Key),
                db.Set<HandoffRequest>().Any(h => h.ConversationKey == c.Key && h.FeedbackPending))))
            .SingleOrDefault()));

    /// <summary>
    /// The activity's conversation, tracked (created if new), with its facts in <see cref="PeerBotDb.Facts"/>. Its
    /// de-duplication record is in the row (<see cref="ConversationRecord.RecentDeliveries"/>).
    /// </summary>
    public async Task<ConversationRecord> GetOrCreateAsync(Activity activity, bool verified, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId!;
        var hash = ConversationKeys.ChannelHash(channelId, activity.Conversation!.Id!);
        var now = clock.GetUtcNow();
        var found = await FindWithFactsAsync(hash, cancellationToken);
        var record = found?.Record;
        db.Facts = found?.Facts;
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
            db.Facts = TurnFacts.ForNew(record.Key);
        }

        // The service URL can change between activities (PROTOCOL.md §10 item 8): always keep the latest.
        record.ReferenceJson = JsonSerializer.Serialize(ReferenceOf(activity), BotJson.Options);
        record.ServiceUrlVerified = verified;
        record.LastActivityAt = now;
        return record;
    }

    /// <summary>
    /// Compiles the turn's first query (the costliest to compile) with keys no row has: read-only. Run at start-up,
    /// before the service takes traffic, so the first messages after a start (a crisis among them) do not pay for it.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await FindWithFactsAsync("-", cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The conversation, tracked, with its facts; on SQLite by <see cref="SqliteConversationRead"/>.</summary>
    private async Task<ConversationWithFacts?> FindWithFactsAsync(string hash, CancellationToken cancellationToken)
    {
        if (db is not SqlitePeerBotDb { Pragmas: { } pragmas } || SqliteConversationRead.For(db.Model) is not { } read)
            return await ByChannelHash.For(db)(db, hash, cancellationToken);
        var found = await read.ReadAsync(pragmas.Readers, hash, cancellationToken);
        if (found is not null)
            db.Attach(found.Record); // unchanged, as EF's tracking query leaves it
        return found;
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
