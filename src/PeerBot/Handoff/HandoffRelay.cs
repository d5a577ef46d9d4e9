using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Safety;

namespace PeerBot.Handoff;

/// <summary>
/// The turn pipeline's side of a live handoff: a client message in <see cref="ConversationMode.WithPeer"/> goes to
/// the peer's console (encrypted transcript + a live event), the bot stays silent; <c>bot</c>/<c>end</c> tells the
/// peer and returns the client to the bot. Works in the turn's unit of work; the pipeline commits.
/// </summary>
public sealed class HandoffRelay(PeerBotDb db, TranscriptStore transcripts, HandoffDesk desk, HandoffNotices notices)
{
    // Asked on every bot-mode message (compiled: no expression work per turn).
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<HandoffRequest?>>> PendingFeedback =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<HandoffRequest>().Where(h => h.ConversationKey == key && h.FeedbackPending)
                .OrderByDescending(h => h.ClosedAt).FirstOrDefault()));

    /// <summary>
    /// Relays the client's message. Returns what the client hears (nothing while a peer is on, unless they left),
    /// or null when no live handoff exists after all (the mode is repaired and the bot should answer).
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>?> ClientMessageAsync(
        ConversationRecord record, ClientText text, SafetyOutcome safety, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(safety);
        var handoff = await db.Set<HandoffRequest>()
            .FirstOrDefaultAsync(h => h.ConversationKey == record.Key && h.State != HandoffState.Closed, cancellationToken);
        if (handoff is null || handoff.State != HandoffState.Claimed)
        {
            record.Mode = handoff is null ? ConversationMode.Bot : ConversationMode.WaitingForPeer;
            return null;
        }

        handoff.LastClientMessageAt = now;
        if (HandoffTexts.IsLeaveCommand(text.Value))
        {
            transcripts.Append(handoff, TranscriptSender.System, null, "The client went back to the bot", now);
            notices.Add(new ConsoleEvent(ConsoleEvent.Message, handoff.Id, handoff.PeerId));
            return desk.Close(handoff, record, HandoffOutcomes.ClientLeft, null, now);
        }

        transcripts.AppendClient(handoff, text, safety.Assessment.Top, now);
        notices.Add(new ConsoleEvent(ConsoleEvent.Message, handoff.Id, handoff.PeerId,
            safety.EffectiveTier == DistressTier.None ? null : "flag:" + safety.EffectiveTier.ToString().ToLowerInvariant()));
        return [];
    }

    /// <summary>While waiting for a peer the bot keeps helping; what the client writes is kept for the peer too.</summary>
    public async Task WaitingMessageAsync(
        ConversationRecord record, ClientText text, SafetyOutcome safety, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(safety);
        var handoff = await db.Set<HandoffRequest>()
            .FirstOrDefaultAsync(h => h.ConversationKey == record.Key && h.State == HandoffState.Queued, cancellationToken);
        if (handoff is null)
            return;
        handoff.LastClientMessageAt = now;
        transcripts.AppendClient(handoff, text, safety.Assessment.Top, now);
    }

    /// <summary>
    /// The one answer to "was this helpful?" after a handoff closed. Returns the thanks to send, or null when the
    /// message is not such an answer (the dialog handles it).
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>?> TryFeedbackAsync(
        ConversationRecord record, ClientText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (TurnFacts.Of(db, record.Key) is { FeedbackPending: false }
            && !db.AnyTracked<HandoffRequest>(h => h.ConversationKey == record.Key && h.FeedbackPending))
            return null;
        var pending = await PendingFeedback.For(db)(db, record.Key, cancellationToken);
        if (pending is null)
            return null;
        pending.FeedbackPending = false;
        var answer = HandoffTexts.ParseYesNo(text.Value);
        if (answer is null)
            return null;
        pending.Helpful = answer;
        return [HandoffTexts.ThanksForFeedback(record.Locale)];
    }
}
