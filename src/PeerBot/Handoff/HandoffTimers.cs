using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// One pass of the SLA timers: re-notify at the tier's limit, escalate at twice it (and remind a waiting crisis
/// client of 988), remind then requeue idle claims, close inactive handoffs as no-response. Each step is a
/// conditional update, so two replicas never alert twice.
/// </summary>
public sealed class HandoffTimers(
    PeerBotDb db,
    HandoffDesk desk,
    HandoffNotifier notifier,
    HandoffEvents events,
    TranscriptStore transcripts,
    ReplyRenderer renderer,
    ReplyOutbox outbox,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffTimers> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var open = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.State != HandoffState.Closed)
            .ToListAsync(cancellationToken);
        var keys = open.Select(h => h.ConversationKey).ToList();
        var conversations = await db.Set<ConversationRecord>().AsNoTracking()
            .Where(c => keys.Contains(c.Key))
            .ToDictionaryAsync(c => c.Key, cancellationToken);

        var refused = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => keys.Contains(m.ConversationKey) && m.LastError == ReplyOutbox.Forbidden)
            .Select(m => m.ConversationKey).Distinct().ToListAsync(cancellationToken);
        // The outbound path marks a conversation unreachable when the channel refuses writes (403) and drops the send.
        refused.AddRange(await db.Set<ChannelState>().AsNoTracking()
            .Where(c => keys.Contains(c.ConversationKey) && c.Unreachable)
            .Select(c => c.ConversationKey).ToListAsync(cancellationToken));

        foreach (var h in open)
        {
            if (h.ClientUnreachableAt is null && refused.Contains(h.ConversationKey))
                await MarkUnreachableAsync(h, now, cancellationToken);
            conversations.TryGetValue(h.ConversationKey, out var conversation);
            if (h.State == HandoffState.Queued)
                await QueuedAsync(h, conversation, o, now, cancellationToken);
            else
                await ClaimedAsync(h, conversation, o, now, cancellationToken);
        }
    }

    private async Task QueuedAsync(HandoffRequest h, ConversationRecord? conversation, HandoffOptions o, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var limit = o.LimitFor(h.Reason);
        var waited = now - h.QueuedAt;
        var clientLast = Max(h.QueuedAt, conversation?.LastActivityAt);
        if (h.EscalatedAt is not null && now - clientLast >= o.InactiveAfter)
        {
            await desk.CloseAsync(h.Id, null, HandoffOutcomes.NoResponse, null, cancellationToken);
            return;
        }
        if (waited >= limit * 2 && h.EscalatedAt is null)
        {
            if (await MarkAsync(h.Id, q => q.Where(x => x.EscalatedAt == null),
                    s => s.SetProperty(x => x.EscalatedAt, now), cancellationToken))
            {
                HandoffLog.Escalated(logger, h.Id);
                await notifier.AlertAsync(h.Id, AlertKind.Escalated, cancellationToken);
                if (HandoffDesk.IsCrisis(h) && conversation is not null)
                    await RemindClientAsync(conversation, now, cancellationToken);
            }
            return;
        }
        if (waited >= limit && h.RenotifiedAt is null
            && await MarkAsync(h.Id, q => q.Where(x => x.RenotifiedAt == null), s => s.SetProperty(x => x.RenotifiedAt, now), cancellationToken))
        {
            await notifier.AlertAsync(h.Id, AlertKind.Renotify, cancellationToken);
            HandoffLog.Renotified(logger, h.Id, limit, events.Online().Count);
        }
    }

    private async Task ClaimedAsync(HandoffRequest h, ConversationRecord? conversation, HandoffOptions o, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var clientLast = Max(Max(h.ClaimedAt ?? h.QueuedAt, h.LastClientMessageAt), conversation?.LastActivityAt);
        if (now - clientLast >= o.InactiveAfter)
        {
            await desk.CloseAsync(h.Id, null, HandoffOutcomes.NoResponse, null, cancellationToken);
            return;
        }
        var idleSince = h.LastPeerMessageAt ?? h.ClaimedAt ?? now;
        if (h.IdleReminderAt is { } reminded)
        {
            if (now - reminded >= o.ClaimIdleRequeue)
                await desk.RequeueAsync(h.Id, null, "idle", cancellationToken);
            return;
        }
        if (now - idleSince >= o.ClaimIdleReminder
            && await MarkAsync(h.Id, q => q.Where(x => x.IdleReminderAt == null && x.PeerId == h.PeerId),
                s => s.SetProperty(x => x.IdleReminderAt, now), cancellationToken))
        {
            HandoffLog.IdleReminder(logger, h.Id, h.PeerId ?? "?", (now - idleSince).TotalSeconds);
            await notifier.AlertAsync(h.Id, AlertKind.IdleReminder, cancellationToken);
        }
    }

    /// <summary>The client blocked the bot (403 from the channel): mark the handoff and tell the peer.</summary>
    private async Task MarkUnreachableAsync(HandoffRequest h, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await MarkAsync(h.Id, q => q.Where(x => x.ClientUnreachableAt == null),
                s => s.SetProperty(x => x.ClientUnreachableAt, now), cancellationToken))
            return;
        transcripts.Append(h, TranscriptSender.System, null, "The client's channel refuses messages (the client may have blocked the bot)", now);
        await db.SaveChangesAsync(cancellationToken);
        HandoffLog.ClientUnreachable(logger, h.Id);
        events.Publish(new ConsoleEvent(ConsoleEvent.Alert, h.Id, h.PeerId, "client-unreachable"));
    }

    private async Task RemindClientAsync(ConversationRecord conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activities = renderer.Render(HandoffTexts.CrisisReminder(conversation.Locale), conversation.ChannelId);
        ReplyOutbox.Enqueue(db, conversation.Key, activities, null, now);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DispatchAsync(conversation.Key, cancellationToken);
    }

    private async Task<bool> MarkAsync(
        Guid id,
        Func<IQueryable<HandoffRequest>, IQueryable<HandoffRequest>> condition,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<HandoffRequest>> set,
        CancellationToken cancellationToken)
    {
        var query = condition(db.Set<HandoffRequest>().Where(x => x.Id == id && x.State != HandoffState.Closed));
        return await query.ExecuteUpdateAsync(set, cancellationToken) == 1;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
