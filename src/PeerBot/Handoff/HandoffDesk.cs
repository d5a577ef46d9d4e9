using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Safety;

namespace PeerBot.Handoff;

/// <summary>
/// The peer's side of a handoff: claim (a conditional update, exactly one winner), send, transfer, requeue, close,
/// debrief. Every change to a conversation happens under its turn lock, and every client notice goes out through
/// the <see cref="ReplyOutbox"/>.
/// </summary>
public sealed class HandoffDesk(
    PeerBotDb db,
    ConversationLocks locks,
    ReplyRenderer renderer,
    ReplyOutbox outbox,
    TranscriptStore transcripts,
    HandoffQueue queue,
    HandoffNotices notices,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffDesk> logger)
{
    public async Task<DeskResult> ClaimAsync(Guid id, PeerIdentity peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var cap = peer.CaseloadCap ?? options.Value.CaseloadCap;
        var now = clock.GetUtcNow();
        var handoffs = db.Set<HandoffRequest>();
        // A read first: late arrivals in a claim rush learn it is taken without queueing for the write lock.
        var queued = await handoffs.AnyAsync(h => h.Id == id && h.State == HandoffState.Queued, cancellationToken);
        var won = !queued ? 0 : await handoffs
            .Where(h => h.Id == id && h.State == HandoffState.Queued)
            .Where(h => handoffs.Count(o => o.PeerId == peer.Id && o.State == HandoffState.Claimed) < cap)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.State, HandoffState.Claimed)
                .SetProperty(h => h.PeerId, peer.Id)
                .SetProperty(h => h.PeerName, peer.DisplayName)
                .SetProperty(h => h.ClaimedAt, now)
                .SetProperty(h => h.IdleReminderAt, (DateTimeOffset?)null)
                .SetProperty(h => h.LastPeerMessageAt, (DateTimeOffset?)null), cancellationToken);
        if (won == 0)
        {
            var current = await handoffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
            return current switch
            {
                null => DeskResult.Of(DeskStatus.NotFound),
                { State: HandoffState.Queued } => DeskResult.Of(DeskStatus.AtCapacity),
                _ => new DeskResult(DeskStatus.Taken, current),
            };
        }
        await handoffs.Where(h => h.Id == id && h.FirstClaimedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.FirstClaimedAt, now), cancellationToken);

        return await InConversationAsync(id, async (handoff, record) =>
        {
            record.Mode = ConversationMode.WithPeer;
            transcripts.Append(handoff, TranscriptSender.System, peer.Id, $"{peer.DisplayName} joined", now);
            ToClient(record, HandoffTexts.PeerJoined(record.Locale, peer.DisplayName));
            notices.Add(new ConsoleEvent(ConsoleEvent.Queue, handoff.Id));
            HandoffLog.Claimed(logger, id, peer.Id, (now - handoff.QueuedAt).TotalSeconds);
            await Task.CompletedTask;
            return new DeskResult(DeskStatus.Ok, handoff);
        }, cancellationToken);
    }

    public Task<DeskResult> SendAsync(Guid id, PeerIdentity peer, string text, CancellationToken cancellationToken) =>
        InConversationAsync(id, (handoff, record) =>
        {
            if (handoff.State != HandoffState.Claimed || handoff.PeerId != peer.Id)
                return Task.FromResult(DeskResult.Of(handoff.State == HandoffState.Closed ? DeskStatus.Taken : DeskStatus.Forbidden));
            var now = clock.GetUtcNow();
            transcripts.Append(handoff, TranscriptSender.Peer, peer.Id, text, now);
            handoff.LastPeerMessageAt = now;
            handoff.IdleReminderAt = null;
            ToClient(record, HandoffTexts.PeerMessage(handoff.PeerName ?? peer.DisplayName, text));
            notices.Add(new ConsoleEvent(ConsoleEvent.Message, handoff.Id, handoff.PeerId));
            return Task.FromResult(new DeskResult(DeskStatus.Ok, handoff));
        }, cancellationToken);

    public Task<DeskResult> TransferAsync(Guid id, PeerIdentity peer, PeerIdentity target, CancellationToken cancellationToken) =>
        InConversationAsync(id, async (handoff, record) =>
        {
            if (!MayAct(handoff, peer))
                return DeskResult.Of(handoff.State == HandoffState.Claimed ? DeskStatus.Forbidden : DeskStatus.Taken);
            var cap = target.CaseloadCap ?? options.Value.CaseloadCap;
            var load = await db.Set<HandoffRequest>().CountAsync(h => h.PeerId == target.Id && h.State == HandoffState.Claimed, cancellationToken);
            if (load >= cap)
                return DeskResult.Of(DeskStatus.AtCapacity);
            var previous = handoff.PeerId;
            var now = clock.GetUtcNow();
            handoff.PeerId = target.Id;
            handoff.PeerName = target.DisplayName;
            handoff.ClaimedAt = now;
            handoff.LastPeerMessageAt = null;
            handoff.IdleReminderAt = null;
            handoff.TransferCount++;
            transcripts.Append(handoff, TranscriptSender.System, target.Id, $"Transferred to {target.DisplayName}", now);
            ToClient(record, HandoffTexts.PeerJoined(record.Locale, target.DisplayName));
            notices.Add(new ConsoleEvent(ConsoleEvent.Queue, handoff.Id, previous));
            notices.Add(new ConsoleEvent(ConsoleEvent.Alert, handoff.Id, target.Id, "transferred"));
            HandoffLog.Transferred(logger, id, target.Id);
            return new DeskResult(DeskStatus.Ok, handoff);
        }, cancellationToken);

    /// <summary>Back to the queue (the peer steps away, or the idle timer). <paramref name="peer"/> null: the timer.</summary>
    public Task<DeskResult> RequeueAsync(Guid id, PeerIdentity? peer, string why, CancellationToken cancellationToken) =>
        InConversationAsync(id, async (handoff, record) =>
        {
            if (handoff.State != HandoffState.Claimed)
                return DeskResult.Of(handoff.State == HandoffState.Closed ? DeskStatus.Taken : DeskStatus.Invalid);
            if (peer is not null && !MayAct(handoff, peer))
                return DeskResult.Of(DeskStatus.Forbidden);
            var now = clock.GetUtcNow();
            var previous = handoff.PeerId;
            transcripts.Append(handoff, TranscriptSender.System, previous, "Back in the queue", now);
            handoff.State = HandoffState.Queued;
            handoff.PeerId = null;
            handoff.PeerName = null;
            handoff.ClaimedAt = null;
            handoff.QueuedAt = now;
            handoff.RenotifiedAt = null;
            handoff.EscalatedAt = null;
            handoff.IdleReminderAt = null;
            record.Mode = ConversationMode.WaitingForPeer;
            ToClient(record, HandoffTexts.BackInLine(record.Locale, await queue.PositionAsync(handoff, cancellationToken)));
            notices.Add(new ConsoleEvent(ConsoleEvent.Queue, handoff.Id, previous));
            notices.Add(new ConsoleEvent(ConsoleEvent.Queue, handoff.Id));
            notices.Alert(handoff.Id, AlertKind.Opened);
            HandoffLog.Requeued(logger, id, why);
            return new DeskResult(DeskStatus.Ok, handoff);
        }, cancellationToken);

    /// <summary>Closes with an outcome and a private note. <paramref name="peer"/> null: the inactivity timer.</summary>
    public Task<DeskResult> CloseAsync(Guid id, PeerIdentity? peer, string outcome, string? note, CancellationToken cancellationToken) =>
        InConversationAsync(id, (handoff, record) =>
        {
            if (handoff.State == HandoffState.Closed)
                return Task.FromResult(DeskResult.Of(DeskStatus.Taken));
            if (peer is not null && !MayAct(handoff, peer))
                return Task.FromResult(DeskResult.Of(DeskStatus.Forbidden));
            foreach (var message in Close(handoff, record, outcome, note, clock.GetUtcNow()))
                ToClient(record, message);
            return Task.FromResult(new DeskResult(DeskStatus.Ok, handoff, IsCrisis(handoff)));
        }, cancellationToken);

    /// <summary>After a crisis handoff: the peer's debrief, optionally flagging it for their supervisor.</summary>
    public async Task<DeskResult> DebriefAsync(Guid id, PeerIdentity peer, bool flagForSupervisor, CancellationToken cancellationToken)
    {
        var handoff = await db.Set<HandoffRequest>().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handoff is null)
            return DeskResult.Of(DeskStatus.NotFound);
        if (handoff.PeerId != peer.Id)
            return DeskResult.Of(DeskStatus.Forbidden);
        if (handoff.State != HandoffState.Closed || handoff.DebriefedAt is not null)
            return DeskResult.Of(DeskStatus.Invalid);
        handoff.DebriefedAt = clock.GetUtcNow();
        handoff.FlaggedForSupervisor = flagForSupervisor;
        await db.SaveChangesAsync(cancellationToken);
        if (flagForSupervisor)
        {
            notices.Add(new ConsoleEvent(ConsoleEvent.Escalation, handoff.Id, Detail: "supervisor-flag") { CoordinatorsOnly = true });
            notices.Alert(handoff.Id, AlertKind.SupervisorFlag);
        }
        HandoffLog.Debriefed(logger, id, peer.Id, flagForSupervisor);
        await notices.FlushAsync(cancellationToken);
        return new DeskResult(DeskStatus.Ok, handoff);
    }

    /// <summary>
    /// Closes in the caller's unit of work (the turn pipeline when the client types <c>bot</c>, or the desk) and
    /// returns what the client hears: back with the bot, then one "was this helpful?".
    /// </summary>
    internal IReadOnlyList<OutgoingMessage> Close(
        HandoffRequest handoff, ConversationRecord record, string outcome, string? note, DateTimeOffset now)
    {
        handoff.State = HandoffState.Closed;
        handoff.ClosedAt = now;
        handoff.Outcome = outcome;
        handoff.Explanation = null; // may quote the client; it lives only while the handoff is open
        if (!string.IsNullOrWhiteSpace(note))
            handoff.NoteCipher = transcripts.Protect(note);
        transcripts.Append(handoff, TranscriptSender.System, handoff.PeerId, "Closed: " + outcome, now);
        record.Mode = ConversationMode.Bot;
        if (outcome is HandoffOutcomes.Resolved or HandoffOutcomes.Referred && record.SafetyStateJson is not null)
        {
            var safety = StoredState.Read<SafetyState>(record.SafetyStateJson);
            safety.EndCrisisEpisode();
            record.SafetyStateJson = StoredState.Write(safety);
        }
        notices.Add(new ConsoleEvent(ConsoleEvent.Closed, handoff.Id, handoff.PeerId, outcome));
        notices.Add(new ConsoleEvent(ConsoleEvent.Queue, handoff.Id));
        HandoffLog.Closed(logger, handoff.Id, outcome);
        if (outcome == HandoffOutcomes.NoResponse)
            return [HandoffTexts.BackWithBot(record.Locale)];
        handoff.FeedbackPending = true;
        return [HandoffTexts.BackWithBot(record.Locale), HandoffTexts.WasThisHelpful(record.Locale)];
    }

    internal static bool IsCrisis(HandoffRequest handoff) =>
        handoff.Tier == DistressTier.Crisis || handoff.Reason == HandoffReason.Crisis;

    private static bool MayAct(HandoffRequest handoff, PeerIdentity peer) =>
        handoff.State == HandoffState.Claimed && (handoff.PeerId == peer.Id || peer.IsCoordinator);

    private readonly List<string> _dispatch = [];

    private void ToClient(ConversationRecord record, OutgoingMessage message)
    {
        var activities = renderer.Render(message, record.ChannelId);
        foreach (var activity in activities)
            activity.Locale ??= record.Locale;
        ReplyOutbox.Enqueue(db, record.Key, activities, null, clock.GetUtcNow());
        _dispatch.Add(record.Key);
    }

    /// <summary>Runs <paramref name="action"/> under the conversation's turn lock, then commits, sends and notifies.</summary>
    private async Task<DeskResult> InConversationAsync(
        Guid id, Func<HandoffRequest, ConversationRecord, Task<DeskResult>> action, CancellationToken cancellationToken)
    {
        var key = await db.Set<HandoffRequest>().AsNoTracking().Where(h => h.Id == id)
            .Select(h => h.ConversationKey).FirstOrDefaultAsync(cancellationToken);
        var hash = key is null ? null : await db.Set<ConversationRecord>().AsNoTracking().Where(c => c.Key == key)
            .Select(c => c.ChannelHash).FirstOrDefaultAsync(cancellationToken);
        if (key is null || hash is null)
            return DeskResult.Of(DeskStatus.NotFound);

        DeskResult result;
        using (await locks.AcquireAsync(hash, cancellationToken))
        {
            db.ChangeTracker.Clear();
            var handoff = await db.Set<HandoffRequest>().SingleAsync(h => h.Id == id, cancellationToken);
            var record = await db.Set<ConversationRecord>().SingleAsync(c => c.Key == key, cancellationToken);
            result = await action(handoff, record);
            if (result.Status != DeskStatus.Ok)
            {
                db.ChangeTracker.Clear();
                return result;
            }
            record.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var conversation in _dispatch.Distinct().ToList())
            await outbox.DispatchAsync(conversation, cancellationToken);
        _dispatch.Clear();
        await notices.FlushAsync(cancellationToken);
        return result;
    }
}
