using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs.Goals;
using PeerBot.Dialogs.SafetyPlans;
using PeerBot.Handoff;

namespace PeerBot.Summaries;

/// <summary>
/// Erases one client's data (the right to erasure): summaries, episode facts, stored transcripts and context
/// buffers, peer notes, dialog state (safety plan, recovery goals, check-in progress), safety history and preferences. Leaves the
/// consent ledger (ids, times, actions; no content) and an <see cref="ConsentAction.Erased"/> entry. Never while a
/// handoff is open: the caller defers it until the handoff closes.
/// </summary>
public sealed class DataEraser(PeerBotDb db, ConsentLedger ledger, ILogger<DataEraser> logger)
{
    public const string DefaultLocale = "en-US";

    public async Task<bool> HasOpenHandoffAsync(string conversationKey, CancellationToken cancellationToken) =>
        await db.Set<HandoffRequest>().AnyAsync(h => h.ConversationKey == conversationKey && h.State != HandoffState.Closed, cancellationToken);

    /// <summary>
    /// Erases now. Rows go by set-based deletes; the conversation row (tracked by the caller, who saves it) is
    /// reset in memory, and the ledger entry is added to the caller's unit of work.
    /// </summary>
    public async Task<int> EraseAsync(ConversationRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = record.Key;
        var rows = 0;
        rows += await db.Set<ClientSummary>().Where(s => s.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<EpisodeFact>().Where(f => f.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<Episode>().Where(e => e.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<PrivacyPrompt>().Where(p => p.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<TranscriptEntry>().Where(e => e.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<SafetyPlanEntity>().Where(p => p.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<GoalsEntity>().Where(g => g.ConversationKey == key).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Set<HandoffRequest>()
            .Where(h => h.ConversationKey == key && h.State == HandoffState.Closed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.NoteCipher, (string?)null)
                .SetProperty(h => h.Explanation, (string?)null)
                .SetProperty(h => h.TranscriptDeletedAt, now), cancellationToken);

        // Rows of this conversation the turn already tracks (the context buffer just added, the episode just
        // touched, the prompt just answered) are gone now: saving them after would fail or bring content back.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is TranscriptEntry t && t.ConversationKey == key
                || entry.Entity is EpisodeFact f && f.ConversationKey == key
                || entry.Entity is Episode e && e.ConversationKey == key
                || entry.Entity is PrivacyPrompt p && p.ConversationKey == key
                || entry.Entity is SafetyPlanEntity plan && plan.ConversationKey == key
                || entry.Entity is GoalsEntity goals && goals.ConversationKey == key)
                entry.State = EntityState.Detached;
        }

        record.DialogStateJson = null;
        record.SafetyStateJson = null;
        record.ContextBuffer = null;
        record.Locale = DefaultLocale;
        ledger.Add(key, ConsentAction.Erased, record.ChannelId, null, now);
        SummaryLog.Erased(logger, key, rows);
        return rows;
    }
}
