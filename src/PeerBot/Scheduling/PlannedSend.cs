using PeerBot.BotFramework.Schema;
using PeerBot.Conversations;

namespace PeerBot.Scheduling;

/// <summary>An outbox row the scheduler committed and will now send (conversation order kept by outbox id).</summary>
public sealed record PlannedSend(long OutboxId, string ActivityJson, ConversationRecord Conversation, ConversationReference Reference);

/// <summary>What one scheduling pass did.</summary>
public sealed record ScheduleRunResult(int Claimed, int Sent, int Suppressed, int Failed, int Postponed)
{
    public static ScheduleRunResult Empty { get; } = new(0, 0, 0, 0, 0);

    public ScheduleRunResult Add(ScheduleRunResult other) => new(
        Claimed + other.Claimed, Sent + other.Sent, Suppressed + other.Suppressed, Failed + other.Failed, Postponed + other.Postponed);
}
