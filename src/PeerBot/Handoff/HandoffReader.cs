using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Audit;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Safety;

namespace PeerBot.Handoff;

public enum ReadStatus
{
    Ok,
    NotFound,
    Forbidden,
}

public sealed record ReadResult<T>(ReadStatus Status, T? Value);

/// <summary>
/// Console reads. A peer sees the queue and their own claims; coordinators see everything. Every read of client
/// content (explanations, context, transcript) writes an audit record.
/// </summary>
public sealed class HandoffReader(
    PeerBotDb db,
    HandoffQueue queue,
    TranscriptStore transcripts,
    Summaries.SummaryReader summaryReader,
    RecoveryContextReader recoveryReader,
    AuditTrail audit,
    IOptions<HandoffOptions> options,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<HandoffView>> ListAsync(PeerIdentity viewer, string? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        List<HandoffRequest> rows;
        switch (status?.ToLowerInvariant())
        {
            case null or "" or "queued":
                rows = await queue.RankedQueueAsync(cancellationToken);
                break;
            case "claimed":
                rows = await db.Set<HandoffRequest>().AsNoTracking()
                    .Where(h => h.State == HandoffState.Claimed && (viewer.IsCoordinator || h.PeerId == viewer.Id))
                    .OrderBy(h => h.ClaimedAt).ToListAsync(cancellationToken);
                break;
            case "closed":
                rows = await db.Set<HandoffRequest>().AsNoTracking()
                    .Where(h => h.State == HandoffState.Closed && (viewer.IsCoordinator || h.PeerId == viewer.Id))
                    .OrderByDescending(h => h.ClosedAt).Take(200).ToListAsync(cancellationToken);
                break;
            default:
                return [];
        }
        var views = await ViewsAsync(rows, cancellationToken);
        audit.Record(viewer.Id, AuditTrail.ReadQueue, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return views;
    }

    public async Task<ReadResult<HandoffDetail>> GetAsync(PeerIdentity viewer, Guid id, CancellationToken cancellationToken)
    {
        var (status, handoff) = await AccessAsync(viewer, id, cancellationToken);
        if (status != ReadStatus.Ok)
            return new(status, null);
        var view = (await ViewsAsync([handoff!], cancellationToken))[0];
        var context = await transcripts.ReadContextAsync(handoff!, cancellationToken);
        var messages = await transcripts.ReadAsync(id, 0, cancellationToken);
        audit.Record(viewer.Id, AuditTrail.ReadHandoff, id, handoff!.ConversationKey);
        var summaries = await summaryReader.ForClientAsync(handoff.ConversationKey, 5, cancellationToken);
        if (summaries.Count > 0)
            audit.Record(viewer.Id, Summaries.SummaryReader.ReadSummary, id, handoff.ConversationKey);
        // Goals and safety plan on pickup: the peer who claimed the conversation (or a coordinator), never the queue.
        var recovery = handoff.State == HandoffState.Claimed || viewer.IsCoordinator
            ? await recoveryReader.ReadAsync(viewer.Id, id, handoff.ConversationKey, cancellationToken)
            : null;
        await db.SaveChangesAsync(cancellationToken);
        return new(ReadStatus.Ok, new HandoffDetail(view, context, messages, summaries, recovery));
    }

    public async Task<ReadResult<IReadOnlyList<TranscriptLine>>> MessagesAsync(
        PeerIdentity viewer, Guid id, long afterId, CancellationToken cancellationToken)
    {
        var (status, handoff) = await AccessAsync(viewer, id, cancellationToken);
        if (status != ReadStatus.Ok)
            return new(status, null);
        var messages = await transcripts.ReadAsync(id, afterId, cancellationToken);
        audit.Record(viewer.Id, AuditTrail.ReadTranscript, id, handoff!.ConversationKey);
        await db.SaveChangesAsync(cancellationToken);
        return new(ReadStatus.Ok, messages);
    }

    /// <summary>Queued: any peer (to decide what to claim). Claimed or closed: its peer and coordinators only.</summary>
    private async Task<(ReadStatus, HandoffRequest?)> AccessAsync(PeerIdentity viewer, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var handoff = await db.Set<HandoffRequest>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handoff is null)
            return (ReadStatus.NotFound, null);
        if (handoff.State != HandoffState.Queued && !viewer.IsCoordinator && handoff.PeerId != viewer.Id)
            return (ReadStatus.Forbidden, null);
        return (ReadStatus.Ok, handoff);
    }

    public async Task<List<HandoffView>> ViewsAsync(IReadOnlyList<HandoffRequest> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(h => h.ConversationKey).Distinct().ToList();
        var channels = await db.Set<ConversationRecord>().AsNoTracking()
            .Where(c => keys.Contains(c.Key))
            .ToDictionaryAsync(c => c.Key, c => c.ChannelId, cancellationToken);
        var ranked = rows.Any(h => h.State == HandoffState.Queued) ? await queue.RankedQueueAsync(cancellationToken) : [];
        var now = clock.GetUtcNow();
        return rows.Select(h =>
        {
            var limit = options.Value.LimitFor(h.Reason);
            var waited = (h.State == HandoffState.Queued ? now : h.ClaimedAt ?? h.ClosedAt ?? now) - h.QueuedAt;
            var position = ranked.FindIndex(r => r.Id == h.Id);
            return new HandoffView(
                h.Id,
                h.State.ToString().ToLowerInvariant(),
                h.Reason.ToString().ToLowerInvariant(),
                h.Tier == DistressTier.None ? "none" : h.Tier.ToString().ToLowerInvariant(),
                h.Category,
                h.Explanation,
                position < 0 ? null : position + 1,
                Math.Max(0, waited.TotalSeconds),
                limit.TotalSeconds,
                h.State == HandoffState.Queued && waited >= limit,
                h.EscalatedAt is not null,
                h.CreatedAt,
                h.QueuedAt,
                h.ClaimedAt,
                h.PeerId,
                h.PeerName,
                h.Outcome,
                h.ClosedAt,
                channels.GetValueOrDefault(h.ConversationKey, "unknown"),
                h.State == HandoffState.Closed && h.DebriefedAt is null && HandoffDesk.IsCrisis(h),
                h.FlaggedForSupervisor,
                h.ClientUnreachableAt is not null);
        }).ToList();
    }
}
