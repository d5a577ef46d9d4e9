using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Safety;

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
    ReplyOutbox outbox,
    ChannelTurnSteps channelSteps,
    TimeProvider clock,
    ILogger<TurnPipeline> logger)
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    /// <summary>Runs the turn. Returns the replies when the caller asked for them (expectReplies), else empty.</summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var activity = request.Activity;
        var channelHash = ConversationKeys.ChannelHash(activity.ChannelId!, activity.Conversation!.Id!);
        using var lease = await locks.AcquireAsync(channelHash, cancellationToken);

        var record = await store.GetOrCreateAsync(activity, request.ServiceUrlVerified, cancellationToken);
        if (activity.Id is not null && !await RememberDeliveryAsync(activity, cancellationToken))
        {
            ConversationLog.Duplicate(logger, record.Key);
            db.ChangeTracker.Clear();
            return [];
        }

        var turn = new Turn(record, activity, request.ExpectReplies);
        var text = new ClientText(activity.Text ?? string.Empty);
        var safetyState = Read<SafetyState>(record.SafetyStateJson);
        var now = clock.GetUtcNow();

        // 0. Channel rules first (DESIGN.md step 1): SMS STOP/START/HELP and discreet mode end the turn here.
        var channel = await channelSteps.BeforeTurnAsync(record, activity, request.Kind, cancellationToken);
        if (channel.Handled)
        {
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
                if (outcome.OpenHandoff)
                {
                    await handoffs.OpenAsync(record.Key, HandoffQueue.ReasonFor(outcome.EffectiveTier),
                        outcome.Assessment.Top, cancellationToken);
                    if (record.Mode == ConversationMode.Bot)
                        record.Mode = ConversationMode.WaitingForPeer;
                }
                record.SafetyStateJson = Write(safetyState);
                await CommitAndSendAsync(turn, cancellationToken);
            }
        }

        // 2. Route. A fault here must not undo the crisis reply above, so it has its own boundary.
        try
        {
            if (record.Mode != ConversationMode.WithPeer)
                await RunDialogAsync(turn, request.Kind, text, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.TurnFailed(logger, ex, record.Key);
            RestoreAfterFault(turn);
            turn.Add(renderer.Render(OutgoingMessage.Plain(Texts.SomethingWentWrong(record.Locale)), record.ChannelId));
        }

        record.SafetyStateJson = Write(safetyState);
        await CommitAndSendAsync(turn, cancellationToken);
        ConversationLog.TurnCompleted(logger, record.Key, outcome.EffectiveTier.ToString(), record.Mode.ToString(), turn.Sent.Count);
        return request.ExpectReplies ? turn.Sent : [];
    }

    private async Task RunDialogAsync(Turn turn, DialogInputKind kind, ClientText text, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var record = turn.Record;
        var state = Read<DialogState>(record.DialogStateJson);
        var input = new DialogInput(kind, record.Key, text, turn.Activity.Value, record.ChannelId, record.Locale, now);
        var result = await dialogs.RunAsync(input, state, cancellationToken);

        foreach (var dialogEvent in result.Events)
        {
            switch (dialogEvent)
            {
                case DialogEvent.HandoffRequested requested:
                    var reason = requested.Reason == "check-in" ? HandoffReason.CheckIn : HandoffReason.Requested;
                    await handoffs.OpenAsync(record.Key, reason, null, cancellationToken);
                    if (record.Mode == ConversationMode.Bot)
                        record.Mode = ConversationMode.WaitingForPeer;
                    break;
                case DialogEvent.LocaleChanged changed:
                    record.Locale = changed.Locale;
                    break;
            }
        }

        await channelSteps.AfterDialogAsync(record, result.Events, cancellationToken);
        record.DialogStateJson = Write(state);
        foreach (var message in result.Messages)
            turn.Add(renderer.Render(message, record.ChannelId));
    }

    private void RestoreAfterFault(Turn turn)
    {
        // Like BotBuilder's OnTurnError, narrowed: drop what the failed step changed and reset the dialog stack
        // so a bad state cannot loop; keep the delivery record, the mode and any open handoff.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ConversationRecord or InboundActivity)
                continue;
            if (entry.State == EntityState.Added)
                entry.State = EntityState.Detached;
            else if (entry.State == EntityState.Modified)
                entry.Reload();
        }
        turn.Record.DialogStateJson = null;
        turn.DiscardPending();
    }

    private async Task CommitAndSendAsync(Turn turn, CancellationToken cancellationToken)
    {
        var record = turn.Record;
        var pending = turn.TakePending();
        if (!turn.ExpectReplies)
            ReplyOutbox.Enqueue(db, record.Key, pending, turn.Activity.Id, clock.GetUtcNow());
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        if (!turn.ExpectReplies && pending.Count > 0)
            await outbox.DispatchAsync(record.Key, cancellationToken);
    }

    private async Task<bool> RememberDeliveryAsync(Activity activity, CancellationToken cancellationToken)
    {
        var hash = ConversationKeys.ActivityHash(activity.ChannelId!, activity.Conversation!.Id!, activity.Id!);
        if (await db.Set<InboundActivity>().AnyAsync(a => a.Hash == hash, cancellationToken))
            return false;
        db.Add(new InboundActivity { Hash = hash, ReceivedAt = clock.GetUtcNow() });
        return true;
    }

    private static T Read<T>(string? json) where T : new() =>
        json is null ? new T() : JsonSerializer.Deserialize<T>(json, StateJson) ?? new T();

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, StateJson);

    private sealed class Turn(ConversationRecord record, Activity activity, bool expectReplies)
    {
        private readonly List<Activity> _pending = [];

        public ConversationRecord Record { get; } = record;
        public Activity Activity { get; } = activity;
        public bool ExpectReplies { get; } = expectReplies;
        public List<Activity> Sent { get; } = [];

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
                }
                _pending.Add(reply);
            }
        }

        public List<Activity> TakePending()
        {
            var taken = _pending.ToList();
            _pending.Clear();
            Sent.AddRange(taken);
            return taken;
        }

        public void DiscardPending() => _pending.Clear();
    }
}
