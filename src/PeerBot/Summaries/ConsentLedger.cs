using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Summaries;

/// <summary>Where a client stands: opted in or not, since when, under which text; whether ever asked.</summary>
public sealed record ConsentStatus(bool OptedIn, DateTimeOffset? DecidedAt, string? TextVersion, bool EverAsked, bool ErasurePending)
{
    public static ConsentStatus Never { get; } = new(false, null, null, false, false);
}

/// <summary>The consent ledger: append-only entries; the latest decision counts.</summary>
public sealed class ConsentLedger(PeerBotDb db)
{
    private static readonly ConsentAction[] Decisions = [ConsentAction.OptedIn, ConsentAction.OptedOut, ConsentAction.Erased];

    // Read on every client message (compiled: no expression work per turn).
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ConsentEntry?>>> Latest =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<ConsentEntry>().AsNoTracking().Where(e => e.ConversationKey == key).OrderByDescending(e => e.Id).FirstOrDefault()));

    public async Task<ConsentStatus> StatusAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (TurnFacts.Of(db, conversationKey) is { Consent: false }
            && !db.AnyTracked<ConsentEntry>(e => e.ConversationKey == conversationKey))
            return ConsentStatus.Never;
        var latest = await Latest.For(db)(db, conversationKey, cancellationToken);
        if (latest is null)
            return ConsentStatus.Never;
        var decision = await db.Set<ConsentEntry>().AsNoTracking()
            .Where(e => e.ConversationKey == conversationKey && Decisions.Contains(e.Action))
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return new ConsentStatus(
            decision?.Action == ConsentAction.OptedIn,
            decision?.At,
            decision?.TextVersion,
            EverAsked: true,
            ErasurePending: latest.Action == ConsentAction.ErasureRequested);
    }

    /// <summary>Adds an entry to the caller's unit of work.</summary>
    public void Add(string conversationKey, ConsentAction action, string channelId, string? textVersion, DateTimeOffset now) =>
        db.Add(new ConsentEntry
        {
            ConversationKey = conversationKey,
            Action = action,
            ChannelId = channelId,
            TextVersion = textVersion,
            At = now,
        });

    public Task<List<ConsentEntry>> HistoryAsync(string conversationKey, CancellationToken cancellationToken) =>
        db.Set<ConsentEntry>().AsNoTracking().Where(e => e.ConversationKey == conversationKey)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
}
