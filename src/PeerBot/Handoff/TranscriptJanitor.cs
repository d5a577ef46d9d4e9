using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Deletes handoff content (DESIGN.md decision 5): a closed handoff's transcript and the context buffer lines it used
/// once the grace period is over, and context buffers of conversations with no open handoff after their retention.
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
            deleted += await DropContextAsync(handoff.ConversationKey, handoff.CreatedAt, cancellationToken);
            await db.Set<HandoffRequest>().Where(h => h.Id == handoff.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.TranscriptDeletedAt, now), cancellationToken);
        }

        // A buffer's lines are all older than the conversation's last activity: once that is past the retention, the
        // whole buffer is (an active conversation's turns drop their own expired lines, TranscriptStore).
        var contextCutoff = now - options.Value.ContextRetention;
        var open = db.Set<HandoffRequest>().Where(h => h.State != HandoffState.Closed).Select(h => h.ConversationKey);
        deleted += await db.Set<ConversationRecord>()
            .Where(c => c.ContextBuffer != null && c.LastActivityAt <= contextCutoff && !open.Contains(c.Key))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ContextBuffer, (string?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken); // a turn holding the old row must reload it
        return deleted;
    }

    /// <summary>
    /// Drops the conversation's context lines said at or before <paramref name="cutoff"/> (the context a closed
    /// handoff used). The row's version moves on, so a turn that loaded the old buffer cannot write it back: its save
    /// fails its concurrency check and the turn runs again on the new row. Returns the lines dropped.
    /// </summary>
    private async Task<int> DropContextAsync(string conversationKey, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.Set<ConversationRecord>().AsNoTracking()
                .Where(c => c.Key == conversationKey)
                .Select(c => new { c.Version, c.ContextBuffer })
                .FirstOrDefaultAsync(cancellationToken);
            var (stored, removed) = TimedLines.Without(row?.ContextBuffer, cutoff);
            if (row is null || removed == 0)
                return 0;
            var version = row.Version;
            var updated = await db.Set<ConversationRecord>()
                .Where(c => c.Key == conversationKey && c.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.ContextBuffer, stored)
                    .SetProperty(c => c.Version, version + 1), cancellationToken);
            if (updated == 1)
                return removed;
            if (attempt == 3)
                throw new DbUpdateConcurrencyException("The conversation kept changing while its context buffer was being trimmed.");
        }
    }
}
