using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Deletes handoff content (DESIGN.md decision 5): a closed handoff's transcript and the context buffer it used once
/// the grace period is over, and context buffers of conversations with no open handoff after their retention.
/// </summary>
public sealed class TranscriptJanitor(PeerBotDb db, IOptions<TranscriptPrivacyOptions> options, TimeProvider clock)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.TranscriptGracePeriod;
        var entries = db.Set<TranscriptEntry>();
        var deleted = 0;

        var expired = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.State == HandoffState.Closed && h.TranscriptDeletedAt == null && h.ClosedAt <= cutoff)
            .Select(h => new { h.Id, h.ConversationKey, h.CreatedAt })
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var handoff in expired)
        {
            deleted += await entries.Where(e => e.HandoffId == handoff.Id).ExecuteDeleteAsync(cancellationToken);
            deleted += await entries
                .Where(e => e.HandoffId == null && e.ConversationKey == handoff.ConversationKey && e.At <= handoff.CreatedAt)
                .ExecuteDeleteAsync(cancellationToken);
            await db.Set<HandoffRequest>().Where(h => h.Id == handoff.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.TranscriptDeletedAt, now), cancellationToken);
        }

        var contextCutoff = now - options.Value.ContextRetention;
        var open = db.Set<HandoffRequest>().Where(h => h.State != HandoffState.Closed).Select(h => h.ConversationKey);
        deleted += await entries
            .Where(e => e.HandoffId == null && e.At <= contextCutoff && !open.Contains(e.ConversationKey))
            .ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
