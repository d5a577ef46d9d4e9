using PeerBot.Channels;
using PeerBot.Handoff;
using PeerBot.Scheduling;
using PeerBot.Summaries;

namespace PeerBot.Conversations;

/// <summary>
/// Which of a conversation's rarely present rows existed when its turn began, learnt in the query that loaded the
/// conversation (one round trip instead of one per row kind; each was a query on every turn). A component that
/// finds its row absent here, and none of that kind tracked by the turn's context (rows the turn added itself),
/// skips its query. Only absence is trusted; anything present is read as before.
/// </summary>
public sealed record TurnFacts(
    string ConversationKey,
    bool ChannelState,
    bool ClientSchedule,
    bool Consent,
    bool PrivacyPrompt,
    bool FeedbackPending)
{
    /// <summary>
    /// The conversation was created by this turn: its key is new, so nothing else (context buffer, handoffs) can
    /// refer to it yet.
    /// </summary>
    public bool New { get; init; }

    /// <summary>A conversation this turn creates: nothing can exist for it yet.</summary>
    public static TurnFacts ForNew(string conversationKey) => new(conversationKey, false, false, false, false, false) { New = true };

    /// <summary>The facts of the conversation a turn loaded with them; null for any other (or with none).</summary>
    public static TurnFacts? Of(Data.PeerBotDb db, string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Facts is { } facts && facts.ConversationKey == conversationKey ? facts : null;
    }
}

/// <summary>A conversation row with its <see cref="TurnFacts"/>, as the turn's first query returns it.</summary>
internal sealed record ConversationWithFacts(ConversationRecord Record, TurnFacts Facts);
