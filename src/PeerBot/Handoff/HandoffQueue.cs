using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Safety;

namespace PeerBot.Handoff;

/// <summary>Opens handoff requests: one open request per conversation, raised (never lowered) in priority.</summary>
public sealed class HandoffQueue(PeerBotDb db, TimeProvider clock, HandoffNotices notices, TypicalWaitCache typicalWait,
    ILogger<HandoffQueue> logger)
{
    /// <summary>
    /// Adds the request to the context (the caller saves it with the turn's state). If the conversation already
    /// has an open request, it is raised to the more urgent reason and tier instead.
    /// </summary>
    public async Task<HandoffRequest> OpenAsync(
        string conversationKey, HandoffReason reason, DistressSignal? signal, CancellationToken cancellationToken)
    {
        // A conversation created by this turn has no handoff in the database; one this turn opened is tracked.
        var open = TurnFacts.Of(db, conversationKey) is { New: true }
            ? db.FindTracked<HandoffRequest>(h => h.ConversationKey == conversationKey && h.State != HandoffState.Closed)
            : await db.Set<HandoffRequest>()
                .Where(h => h.ConversationKey == conversationKey && h.State != HandoffState.Closed)
                .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            var raised = false;
            if (Priority(reason) < Priority(open.Reason))
            {
                open.Reason = reason;
                raised = true;
            }
            if (signal is not null && signal.Tier > open.Tier)
            {
                open.Tier = signal.Tier;
                open.Category = signal.Category;
                open.Explanation = signal.Explanation;
                raised = true;
            }
            if (raised)
                notices.Add(new ConsoleEvent(ConsoleEvent.Queue, open.Id));
            return open;
        }

        var now = clock.GetUtcNow();
        var request = new HandoffRequest
        {
            Id = Guid.NewGuid(),
            ConversationKey = conversationKey,
            Reason = reason,
            Tier = signal?.Tier ?? DistressTier.None,
            Category = signal?.Category,
            Explanation = signal?.Explanation,
            State = HandoffState.Queued,
            CreatedAt = now,
            QueuedAt = now,
        };
        db.Add(request);
        notices.Add(new ConsoleEvent(ConsoleEvent.Queue, request.Id));
        notices.Alert(request.Id, AlertKind.Opened);
        HandoffLog.Opened(logger, request.Id, conversationKey, reason.ToString(), request.Tier.ToString());
        return request;
    }

    /// <summary>
    /// What the client hears when their request is new: place in line, typical wait, 988. Empty when the request
    /// already existed (it was only raised).
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> WaitingNoticeAsync(
        HandoffRequest request, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsNew(request))
            return [];
        return await NoticeAsync(request, locale, cancellationToken);
    }

    /// <summary>Whether <paramref name="request"/> was opened in this unit of work and is not saved yet.</summary>
    public bool IsNew(HandoffRequest request) => db.Entry(request).State == EntityState.Added;

    /// <summary>
    /// The waiting notice for a handoff this turn opened, saved or not (the crisis turn commits first and asks for
    /// the client's place in line afterwards, so the console hears of the handoff without waiting for two queries).
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> NoticeAsync(HandoffRequest request, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var position = await PositionAsync(request, cancellationToken);
        var typical = await typicalWait.GetAsync(TypicalWaitAsync, cancellationToken);
        return [HandoffTexts.Waiting(locale, position, typical)];
    }

    /// <summary>Queued handoffs, most urgent first (priority, then age).</summary>
    public async Task<List<HandoffRequest>> RankedQueueAsync(CancellationToken cancellationToken)
    {
        var queued = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.State == HandoffState.Queued)
            .ToListAsync(cancellationToken);
        return [.. queued.OrderBy(h => Priority(h.Reason)).ThenBy(h => h.QueuedAt).ThenBy(h => h.Id)];
    }

    /// <summary>
    /// 1-based place in line of <paramref name="request"/> (saved or not): one COUNT in the database, since it runs
    /// in every crisis turn (right after the commit that announces the handoff).
    /// </summary>
    public async Task<int> PositionAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mine = Priority(request.Reason);
        var ahead = Reasons.Where(r => Priority(r) < mine).ToList();
        var same = Reasons.Where(r => Priority(r) == mine).ToList();
        var id = request.Id;
        var queuedAt = request.QueuedAt;
        return 1 + await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.State == HandoffState.Queued && h.Id != id)
            .CountAsync(h => ahead.Contains(h.Reason) || (same.Contains(h.Reason) && h.QueuedAt <= queuedAt), cancellationToken);
    }

    private static readonly HandoffReason[] Reasons = Enum.GetValues<HandoffReason>();

    /// <summary>Median time to first claim over the last 50 claims in the past 7 days; null without data.</summary>
    public async Task<TimeSpan?> TypicalWaitAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromDays(7);
        var recent = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.FirstClaimedAt != null && h.FirstClaimedAt >= since)
            .OrderByDescending(h => h.FirstClaimedAt)
            .Take(50)
            .Select(h => new { h.CreatedAt, h.FirstClaimedAt })
            .ToListAsync(cancellationToken);
        if (recent.Count == 0)
            return null;
        var waits = recent.Select(r => (r.FirstClaimedAt!.Value - r.CreatedAt).Ticks).Order().ToList();
        return TimeSpan.FromTicks(waits[(waits.Count - 1) / 2]);
    }

    /// <summary>Crisis &gt; high &gt; requested (and check-in) &gt; moderate.</summary>
    public static int Priority(HandoffReason reason) => reason switch
    {
        HandoffReason.Crisis => 0,
        HandoffReason.High => 1,
        HandoffReason.Requested or HandoffReason.CheckIn => 2,
        _ => 3,
    };

    public static HandoffReason ReasonFor(DistressTier tier) => tier switch
    {
        DistressTier.Crisis => HandoffReason.Crisis,
        DistressTier.High => HandoffReason.High,
        _ => HandoffReason.Moderate,
    };
}
