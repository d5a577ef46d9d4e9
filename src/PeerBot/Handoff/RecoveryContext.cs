namespace PeerBot.Handoff;

/// <summary>
/// What a client chose to keep for their recovery (their goals and their safety plan, in their own words), as the
/// peer who picked them up and the coordinator export see it. Empty lists when the client keeps nothing.
/// </summary>
public sealed record RecoveryContext(
    IReadOnlyList<GoalView> Goals,
    string? GoalProgress,
    DateTimeOffset? GoalProgressAt,
    IReadOnlyList<SafetyPlanPartView> SafetyPlan,
    DateTimeOffset? SafetyPlanUpdatedAt)
{
    public bool IsEmpty => Goals.Count == 0 && SafetyPlan.Count == 0;
}

/// <summary>One goal (1 to 3) and its step for this week.</summary>
public sealed record GoalView(int Number, string Goal, string? Step);

/// <summary>One part of the Stanley–Brown safety plan: its step number (1 to 6), its name and the client's words.</summary>
public sealed record SafetyPlanPartView(int Step, string Part, string Text);
