using PeerBot.Data;

namespace PeerBot.Audit;

/// <summary>Adds an audit record to the caller's unit of work (saved with it).</summary>
public sealed class AuditTrail(PeerBotDb db, TimeProvider clock)
{
    public const string ReadQueue = "read-queue";
    public const string ReadHandoff = "read-handoff";
    public const string ReadTranscript = "read-transcript";
    public const string ReadGoals = "read-goals";
    public const string ReadSafetyPlan = "read-safety-plan";

    public void Record(string actorId, string action, Guid? handoffId, string? conversationKey) =>
        db.Add(new AuditRecord
        {
            ActorId = actorId,
            Action = action,
            HandoffId = handoffId,
            ConversationKey = conversationKey,
            At = clock.GetUtcNow(),
        });
}
