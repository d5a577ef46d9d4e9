using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Safety;
using PeerBot.Summaries;

namespace PeerBot.Conversations;

/// <summary>
/// One turn (DESIGN.md): de-duplicate, safety scan (crisis reply sent first, before anything can fail), route by
/// mode, run the dialog, commit state and replies together, then send. One error boundary per turn.
/// </summary>
public sealed class TurnPipeline(
    PeerBotDb db,
    ConversationStore store,
    ConversationLocks locks,
    SafetyScreen safety,
    DialogEngine dialogs,
    ReplyRenderer renderer,
    HandoffQueue handoffs,
    HandoffRelay relay,
    HandoffNotices notices,
    TranscriptStore transcripts,
    ReplyOutbox outbox,
    ChannelTurnSteps channelSteps,
    PrivacyDesk privacy,
    CrisisFirst crisisFirst,
    TimeProvider clock,
    ILogger<TurnPipeline> logger)
{
    /// <summary>Runs the turn. Returns the replies when the caller asked for them (expectReplies), else empty.</summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        // One connection for the whole turn: EF otherwise opens and closes one per query, and each open takes the
        // provider's pool lock — under load that was a top cost. Not on SQLite: there a routine turn's reads and
        // writes run on sessions with prepared statements (SqliteSession), and the context's connection is opened
        // only by the rare turn that queries through EF.
        var open = db is not SqlitePeerBotDb { Pragmas: not null };
        if (open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RunTurnAsync(request, cancellationToken);
        }
        finally
        {
            db.Facts = null;
            if (open)
                await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<Activity>> RunTurnAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var activity = request.Activity;
        var channelHash = ConversationKeys.ChannelHash(activity.ChannelId!, activity.Conversation!.Id!);
        using var lease = await locks.AcquireAsync(channelHash, cancellationToken);
        // Ahead of waiting work until this message is known to be no crisis, or its crisis is committed.
        using var ahead = crisisFirst.Enter();

        var deliveryHash = activity.Id is null ? null : ConversationKeys.ActivityHash(activity.ChannelId!, activity.Conversation.Id!, activity.Id);
        var record = await store.GetOrCreateAsync(activity, request.ServiceUrlVerified, cancellationToken);
        if (deliveryHash is not null && !RememberDelivery(record, deliveryHash))
        {
            ConversationLog.Duplicate(logger, record.Key);
            db.ChangeTracker.Clear();
            return [];
        }

        var turn = new Turn(record, activity, request.ExpectReplies);
        var text = new ClientText(activity.Text ?? string.Empty);
        var safetyState = StoredState.Read<SafetyState>(record.SafetyStateJson);
        // "Are you safe right now?" is answered while the client waits for the peer. Once a peer has joined (they
        // read the answers), or the handoff is over (a "no" may answer "was this helpful?"), the bot does not.
        if (record.Mode != ConversationMode.WaitingForPeer)
            safetyState.AskedIfSafeAt = null;
        turn.Safety = safetyState;
        var now = clock.GetUtcNow();
        var startMode = record.Mode;
        var isMessage = request.Kind == DialogInputKind.Message && !text.IsEmpty;

        // The short encrypted context buffer a peer sees on pickup (DESIGN.md decision 5): bot-mode messages only.
        // Lines past their retention go in any bot-mode turn (with a handoff open, the peer still needs them).
        TimedLine? remembered = null;
        if (isMessage && startMode == ConversationMode.Bot)
            remembered = transcripts.RememberContext(record, text, now);
        else if (startMode == ConversationMode.Bot)
            transcripts.PruneContext(record, now);

        // 0. Channel rules first (DESIGN.md step 1): SMS STOP/START/HELP and discreet mode end the turn here.
        var channel = await channelSteps.BeforeTurnAsync(record, activity, request.Kind, cancellationToken);
        if (channel.Handled)
        {
            ahead.Leave();
            foreach (var reply in channel.Replies)
            {
                var rendered = renderer.Render(reply, record.ChannelId);
                turn.Add(channel.Compliance ? OutboundMarks.Compliance(rendered) : rendered);
            }
            await CommitAndSendAsync(turn, cancellationToken);
            return request.ExpectReplies ? turn.Sent : [];
        }

        // 1. Safety first: scanned in every mode; the crisis reply is committed and sent before any dialog runs.
        var outcome = SafetyOutcome.Clear;
        if (request.Kind == DialogInputKind.Message && !text.IsEmpty)
        {
            outcome = await safety.ScreenAsync(text, record.Locale, safetyState, now, cancellationToken);
            if (outcome.ImmediateReplies.Count > 0 || outcome.OpenHandoff)
            {
                foreach (var reply in outcome.ImmediateReplies)
                    turn.Add(renderer.Render(OutgoingMessage.Plain(reply), record.ChannelId));
                HandoffRequest? opened = null;
                if (outcome.OpenHandoff)
                {
                    opened = await handoffs.OpenAsync(record.Key, HandoffQueue.ReasonFor(outcome.EffectiveTier),
                        outcome.Assessment.Top, cancellationToken);
                    if (!handoffs.IsNew(opened))
                        opened = null; // already waiting: no second notice
                    if (record.Mode == ConversationMode.Bot)
                        record.Mode = ConversationMode.WaitingForPeer;
                }
                record.SafetyStateJson = StoredState.Write(safetyState);
                await CommitCrisisAsync(turn, cancellationToken);
                await FlushNoticesAsync(record.Key); // the console hears of a crisis before any dialog runs
                // The crisis reply is out and the console knows. The rest of this turn (place in line, dialog, more
                // sends) stands aside while other turns may still be raising a crisis (CrisisFirst), then goes to
                // the back of the thread pool's queue: in a burst, every crisis reaches the console first.
                ahead.Leave();
                await crisisFirst.IdleAsync(cancellationToken);
                await Task.Yield();
                // The place in line goes out after that commit (two queries the console need not wait for).
                if (opened is not null)
                {
                    try
                    {
                        foreach (var notice in await handoffs.NoticeAsync(opened, record.Locale, cancellationToken))
                            turn.Add(renderer.Render(notice, record.ChannelId));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        ConversationLog.TurnFailed(logger, ex, record.Key); // the crisis reply and handoff are committed
                    }
                }
            }
        }

        ahead.Leave(); // screened: no crisis, or its crisis is committed

        // 2. Route. A fault here must not undo the crisis reply above, so it has its own boundary. Another replica
        // may have changed the conversation meanwhile (version check): then route again on the fresh state.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RouteAsync(turn, request.Kind, text, outcome, startMode, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DbUpdateConcurrencyException)
            {
                ConversationLog.TurnFailed(logger, ex, record.Key);
                RestoreAfterFault(turn);
                turn.Add(renderer.Render(OutgoingMessage.Plain(Texts.SomethingWentWrong(record.Locale)), record.ChannelId));
            }

            try
            {
                record.SafetyStateJson = StoredState.Write(safetyState);
                await CommitAndSendAsync(turn, cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                ConversationLog.ConcurrencyRetry(logger, record.Key);
                db.ChangeTracker.Clear();
                db.Facts = null; // another writer changed the conversation: what was absent may not be now
                turn.DiscardPending();
                record = await store.FindAsync(record.Key, cancellationToken)
                    ?? throw new InvalidOperationException("The conversation disappeared during the turn.");
                // Another replica may have taken this very delivery meanwhile (the activity's re-delivery): then it
                // has run the turn. Unless this turn already committed its delivery (the crisis commit), it stops.
                if (deliveryHash is not null && !turn.Committed && !RememberDelivery(record, deliveryHash))
                {
                    ConversationLog.Duplicate(logger, record.Key);
                    db.ChangeTracker.Clear();
                    return [];
                }
                if (remembered is { } line && !turn.Committed && record.Mode == ConversationMode.Bot)
                    transcripts.AddContext(record, line, now); // the reloaded row does not have it
                turn = turn.For(record);
                turn.Safety = safetyState;
            }
        }
        ConversationLog.TurnCompleted(logger, record.Key, outcome.EffectiveTier.ToString(), record.Mode.ToString(), turn.Sent.Count);
        await FlushNoticesAsync(record.Key);
        return request.ExpectReplies ? turn.Sent : [];
    }

    /// <summary>
    /// With a peer: the client's words go to the console and the bot stays silent (safety replies were already
    /// sent). Waiting: the bot keeps helping, and what the client writes is added for the peer. Else the dialog.
    /// </summary>
    private async Task RouteAsync(Turn turn, DialogInputKind kind, ClientText text, SafetyOutcome outcome,
        ConversationMode startMode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = turn.Record;
        var isMessage = kind == DialogInputKind.Message && !text.IsEmpty;
        if (isMessage)
            await privacy.ObserveTurnAsync(record, outcome, now, cancellationToken); // opted-in clients only
        if (record.Mode == ConversationMode.WithPeer)
        {
            if (!isMessage)
                return;
            var relayed = await relay.ClientMessageAsync(record, text, outcome, now, cancellationToken);
            if (relayed is not null)
            {
                foreach (var message in relayed)
                    turn.Add(renderer.Render(message, record.ChannelId));
                return;
            }
        }

        if (isMessage && startMode == ConversationMode.WaitingForPeer && record.Mode == ConversationMode.WaitingForPeer)
            await relay.WaitingMessageAsync(record, text, outcome, now, cancellationToken);
        if (isMessage && await privacy.TryAnswerAsync(record, text, now, cancellationToken) is { } answered)
        {
            foreach (var message in answered)
                turn.Add(renderer.Render(message, record.ChannelId));
            return;
        }
        if (isMessage && record.Mode == ConversationMode.Bot
            && await relay.TryFeedbackAsync(record, text, cancellationToken) is { } thanks)
        {
            foreach (var message in thanks)
                turn.Add(renderer.Render(message, record.ChannelId));
            return;
        }
        await RunDialogAsync(turn, kind, text, offerPeer: outcome.OfferPeer && record.Mode == ConversationMode.Bot,
            safetySpoke: outcome.ImmediateReplies.Count > 0, now, cancellationToken);
    }

    private async Task FlushNoticesAsync(string conversationKey)
    {
        // Console events and peer alerts go out after the commit; a failure here must not fail the client's turn.
        try
        {
            await notices.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.TurnFailed(logger, ex, conversationKey);
        }
    }

    private async Task RunDialogAsync(Turn turn, DialogInputKind kind, ClientText text, bool offerPeer, bool safetySpoke,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = turn.Record;
        var state = StoredState.Read<DialogState>(record.DialogStateJson);
        // A message the safety screen answered (crisis or high) is not an answer to the question the dialog is
        // waiting on: "Sorry, I didn't get that" after crisis resources would be wrong. The question stays open.
        if (safetySpoke && kind == DialogInputKind.Message && state.Stack.Count > 0)
            return;
        var input = new DialogInput(kind, record.Key, text, turn.Activity.Value, record.ChannelId, record.Locale, now, offerPeer,
            ChannelTurnSteps.TimeZoneOf(turn.Activity));
        var result = await dialogs.RunAsync(input, state, cancellationToken);
        var before = new List<OutgoingMessage>();
        var after = new List<OutgoingMessage>();

        foreach (var dialogEvent in result.Events)
        {
            switch (dialogEvent)
            {
                case DialogEvent.HandoffRequested requested:
                    after.AddRange(await OpenHandoffAsync(record, ReasonFor(requested), null, cancellationToken));
                    break;
                case DialogEvent.CheckInCompleted checkIn:
                    // Mood 1 or any use feed conversation-level escalation (issue 4): may raise to high.
                    var escalation = safety.RecordCheckIn(checkIn.Mood, checkIn.Craving, checkIn.AnyUse, record.Locale, turn.Safety, now);
                    before.AddRange(escalation.ImmediateReplies.Select(OutgoingMessage.Plain));
                    if (escalation.OpenHandoff)
                        after.AddRange(await OpenHandoffAsync(record, HandoffQueue.ReasonFor(escalation.EffectiveTier),
                            escalation.Assessment.Top, cancellationToken));
                    // Kept for opted-in clients; offers consent once after the first check-in (issue 6).
                    after.AddRange(await privacy.CheckInCompletedAsync(record, checkIn, now, cancellationToken));
                    break;
                case DialogEvent.LocaleChanged changed:
                    record.Locale = changed.Locale;
                    break;
                case DialogEvent.PrivacyCommand command:
                    after.AddRange(await privacy.CommandAsync(record, command.Command, now, cancellationToken));
                    break;
                case DialogEvent.SummaryFact fact:
                    await privacy.FactAsync(record, fact, now, cancellationToken);
                    break;
            }
        }

        await channelSteps.AfterDialogAsync(record, result.Events, cancellationToken);
        record.DialogStateJson = StoredState.Write(state);
        var conversationType = turn.Activity.Conversation?.ConversationType;
        foreach (var message in before.Concat(result.Messages).Concat(after))
            turn.Add(renderer.Render(message, record.ChannelId, conversationType));
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OpenHandoffAsync(
        ConversationRecord record, HandoffReason reason, DistressSignal? signal, CancellationToken cancellationToken)
    {
        var opened = await handoffs.OpenAsync(record.Key, reason, signal, cancellationToken);
        if (record.Mode == ConversationMode.Bot)
            record.Mode = ConversationMode.WaitingForPeer;
        return await handoffs.WaitingNoticeAsync(opened, record.Locale, cancellationToken);
    }

    private static HandoffReason ReasonFor(DialogEvent.HandoffRequested requested) => requested.Reason switch
    {
        "check-in" => HandoffReason.CheckIn,
        "moderate" => HandoffReason.Moderate,
        _ => HandoffReason.Requested,
    };

    private void RestoreAfterFault(Turn turn)
    {
        // Like BotBuilder's OnTurnError, narrowed: drop what the failed step changed and reset the dialog stack
        // so a bad state cannot loop; keep the delivery record, the mode and any open handoff.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ConversationRecord)
                continue;
            if (entry.State == EntityState.Added)
                entry.State = EntityState.Detached;
            else if (entry.State == EntityState.Modified)
                entry.Reload();
        }
        turn.Record.DialogStateJson = null;
        turn.DiscardPending();
    }

    /// <summary>
    /// Commits and sends the crisis reply. If the database fails here, the reply still goes out directly to the
    /// connector: a crisis reply never waits on storage.
    /// </summary>
    private async Task CommitCrisisAsync(Turn turn, CancellationToken cancellationToken)
    {
        var pending = turn.PeekPending();
        try
        {
            // On SQLite this commit goes before routine writes waiting for the database (Data/WriteGate.cs).
            db.UrgentWrites = true;
            await CommitAndSendAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !turn.ExpectReplies)
        {
            ConversationLog.CrisisCommitFailed(logger, ex, turn.Record.Key);
            await outbox.SendDirectAsync(turn.Record.Key, ConversationStore.ReferenceOf(turn.Activity), pending, turn.Activity.Id, cancellationToken);
            throw;
        }
        finally
        {
            db.UrgentWrites = false;
        }
    }

    private async Task CommitAndSendAsync(Turn turn, CancellationToken cancellationToken)
    {
        var record = turn.Record;
        var pending = turn.TakePending();
        var rows = turn.ExpectReplies
            ? []
            : ReplyOutbox.EnqueueLeased(db, record.Key, pending, turn.Activity.Id, clock.GetUtcNow());
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        turn.Committed = true;
        if (rows.Count > 0)
            await outbox.SendCommittedAsync(db, record, rows, pending, cancellationToken);
    }

    /// <summary>
    /// False if the activity was delivered within the de-duplication window (a re-delivery); else records the
    /// delivery in the conversation's row, saved with the turn (<see cref="DeliveryLog"/>).
    /// </summary>
    private bool RememberDelivery(ConversationRecord record, string hash)
    {
        var now = clock.GetUtcNow();
        var since = now - DeliveryLog.Window;
        if (DeliveryLog.Seen(record.RecentDeliveries, hash, since))
            return false;
        record.RecentDeliveries = DeliveryLog.Add(record.RecentDeliveries, hash, now, since);
        return true;
    }

    private sealed class Turn(ConversationRecord record, Activity activity, bool expectReplies)
    {
        private readonly List<Activity> _pending = [];

        public ConversationRecord Record { get; } = record;
        public SafetyState Safety { get; set; } = new();
        public Activity Activity { get; } = activity;
        public bool ExpectReplies { get; } = expectReplies;
        public List<Activity> Sent { get; } = [];

        /// <summary>A commit of this turn succeeded (its delivery record, at least, is stored).</summary>
        public bool Committed { get; set; }

        public void Add(IEnumerable<Activity> activities)
        {
            foreach (var reply in activities)
            {
                reply.ReplyToId ??= Activity.Id;
                reply.Locale ??= Record.Locale;
                if (ExpectReplies)
                {
                    // Returned in the HTTP body rather than sent, so address them here (the outbox does it at send).
                    reply.From ??= Activity.Recipient;
                    reply.Recipient ??= Activity.From;
                    reply.Conversation ??= Activity.Conversation;
                    reply.ChannelId ??= Activity.ChannelId;
                    ReplyOutbox.AddressSuggestedActions(reply);
                }
                _pending.Add(reply);
            }
        }

        /// <summary>The replies to commit and send now, plain texts in a row joined (<see cref="ReplyCoalescer"/>).</summary>
        public List<Activity> TakePending()
        {
            var taken = Coalesced();
            _pending.Clear();
            Sent.AddRange(taken);
            return taken;
        }

        public void DiscardPending() => _pending.Clear();

        public List<Activity> PeekPending() => Coalesced();

        // Joined in place (joining is idempotent), so a peek and the take after it see the same messages.
        private List<Activity> Coalesced()
        {
            var joined = ReplyCoalescer.Coalesce(_pending, Record.ChannelId);
            _pending.Clear();
            _pending.AddRange(joined);
            return joined.ToList();
        }

        /// <summary>The same turn bound to a reloaded conversation row (after a version conflict).</summary>
        public Turn For(ConversationRecord reloaded)
        {
            var turn = new Turn(reloaded, Activity, ExpectReplies) { Committed = Committed };
            turn.Sent.AddRange(Sent);
            return turn;
        }
    }
}
