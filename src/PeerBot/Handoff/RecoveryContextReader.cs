using PeerBot.Audit;
using PeerBot.Dialogs.Goals;
using PeerBot.Dialogs.SafetyPlans;

namespace PeerBot.Handoff;

/// <summary>
/// Reads a client's goals and safety plan (both kept only with their consent) for a peer or a coordinator, and
/// audits each read of content in the caller's unit of work (the caller saves).
/// </summary>
public sealed class RecoveryContextReader(GoalsStore goals, SafetyPlanStore plans, AuditTrail audit)
{
    public async Task<RecoveryContext> ReadAsync(
        string actorId, Guid? handoffId, string conversationKey, CancellationToken cancellationToken)
    {
        var kept = await goals.GetAsync(conversationKey, cancellationToken);
        var plan = await plans.GetAsync(conversationKey, cancellationToken);
        var goalViews = kept?.Goals.Select(g => new GoalView(g.Slot, g.Goal.Value, g.Step?.Value)).ToList() ?? [];
        var parts = plan is null ? [] : Enum.GetValues<SafetyPlanSection>()
            .Select((section, index) => (section, index))
            .Where(s => plan.Sections.ContainsKey(s.section))
            .Select(s => new SafetyPlanPartView(s.index + 1, PartName(s.section), plan.Sections[s.section].Value))
            .ToList();
        if (goalViews.Count > 0)
            audit.Record(actorId, AuditTrail.ReadGoals, handoffId, conversationKey);
        if (parts.Count > 0)
            audit.Record(actorId, AuditTrail.ReadSafetyPlan, handoffId, conversationKey);
        return new RecoveryContext(goalViews, kept?.LastProgress, kept?.ProgressAt, parts, plan?.UpdatedAt);
    }

    private static string PartName(SafetyPlanSection section) =>
        SafetyPlanSections.ByName.First(s => s.Value == section).Key;
}
