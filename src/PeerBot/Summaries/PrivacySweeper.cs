using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.Summaries;

/// <summary>
/// Off the reply path: summarizes ended episodes (inactivity, or a handoff that closed), applies erasures that
/// waited for a handoff to close, and purges summaries past their retention. Each conversation is handled under
/// its turn lock, like a turn.
/// </summary>
public sealed class PrivacySweeper(
    PeerBotDb db,
    ConversationLocks locks,
    SummaryBuilder builder,
    SummaryProtector protector,
    DataEraser eraser,
    DeletedContentScrubber scrubber,
    IOptions<SummaryOptions> options,
    TimeProvider clock,
    ILogger<PrivacySweeper> logger)
{
    public async Task<int> SummarizeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var handoffs = db.Set<HandoffRequest>();
        var due = await db.Set<Episode>().AsNoTracking()
            .Where(e => e.DueAt <= now
                || handoffs.Any(h => h.ConversationKey == e.ConversationKey && h.State == HandoffState.Closed && h.ClosedAt >= e.StartedAt))
            .Where(e => !handoffs.Any(h => h.ConversationKey == e.ConversationKey && h.State != HandoffState.Closed))
            .Select(e => e.ConversationKey)
            .Take(200)
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var key in due)
        {
            try
            {
                if (await SummarizeAsync(key, now, cancellationToken))
                    written++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SummaryLog.SummaryFailed(logger, ex, key);
            }
        }
        return written;
    }

    public async Task<int> ApplyPendingErasuresAsync(CancellationToken cancellationToken)
    {
        var ledger = db.Set<ConsentEntry>();
        var pending = await ledger.AsNoTracking()
            .Where(e => e.Action == ConsentAction.ErasureRequested
                && !ledger.Any(l => l.ConversationKey == e.ConversationKey && l.Id > e.Id && l.Action == ConsentAction.Erased))
            .Select(e => e.ConversationKey).Distinct().Take(200).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var key in pending)
        {
            if (await eraser.HasOpenHandoffAsync(key, cancellationToken))
                continue;
            await InConversationAsync(key, async record =>
            {
                await eraser.EraseAsync(record, clock.GetUtcNow(), cancellationToken);
                return true;
            }, cancellationToken);
            erased++;
        }
        if (erased > 0)
            scrubber.Request();
        return erased;
    }

    /// <summary>Clears deleted content off the disk when any of the above (or a turn) deleted some.</summary>
    public Task<ScrubResult> ScrubAsync(CancellationToken cancellationToken) =>
        scrubber.ScrubIfRequestedAsync(db, cancellationToken);

    /// <summary>Deletes summaries written more than the retention ago, in one set-based statement.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var purged = await db.Set<ClientSummary>().Where(s => s.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            SummaryLog.Purged(logger, purged);
            scrubber.Request();
        }
        return purged;
    }

    private Task<bool> SummarizeAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        InConversationAsync(key, async record =>
        {
            var episode = await db.Set<Episode>().SingleOrDefaultAsync(e => e.ConversationKey == key, cancellationToken);
            if (episode is null)
                return false;
            var (content, lastFactId, maxTier) = await builder.BuildAsync(episode, record.Locale, now, cancellationToken);
            var cipher = protector.TryProtect(content, logger);
            if (cipher is null)
                return false; // never written in plaintext; the facts stay encrypted for the next attempt
            var summary = new ClientSummary
            {
                ConversationKey = key,
                ChannelId = episode.ChannelId,
                EpisodeStartedAt = episode.StartedAt,
                EpisodeEndedAt = now,
                CreatedAt = now,
                MaxTier = maxTier,
                Cipher = cipher,
            };
            db.Add(summary);
            db.Remove(episode);
            await db.Set<EpisodeFact>().Where(f => f.ConversationKey == key && f.Id <= lastFactId).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            scrubber.Request(); // the episode's encrypted facts are deleted
            SummaryLog.SummaryWritten(logger, summary.Id, key, content.CheckIns.Count + content.Strategies.Count
                + content.Resources.Count + content.SafetyFlags.Count + content.Handoffs.Count);
            return true;
        }, cancellationToken, save: false);

    private async Task<bool> InConversationAsync(
        string key, Func<ConversationRecord, Task<bool>> action, CancellationToken cancellationToken, bool save = true)
    {
        var hash = await db.Set<ConversationRecord>().AsNoTracking().Where(c => c.Key == key)
            .Select(c => c.ChannelHash).FirstOrDefaultAsync(cancellationToken);
        if (hash is null)
            return false;
        using (await locks.AcquireAsync(hash, cancellationToken))
        {
            db.ChangeTracker.Clear();
            var record = await db.Set<ConversationRecord>().SingleAsync(c => c.Key == key, cancellationToken);
            var done = await action(record);
            if (save && done)
            {
                record.Version++;
                await db.SaveChangesAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            return done;
        }
    }
}
