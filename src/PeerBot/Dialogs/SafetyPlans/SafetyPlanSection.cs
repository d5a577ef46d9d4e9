namespace PeerBot.Dialogs.SafetyPlans;

/// <summary>The six parts of a Stanley–Brown safety plan, in order.</summary>
public enum SafetyPlanSection
{
    WarningSigns,
    Coping,
    Distractions,
    People,
    Professionals,
    SafeEnvironment,
}

public static class SafetyPlanSections
{
    /// <summary>How each part is written in dialog files.</summary>
    public static IReadOnlyDictionary<string, SafetyPlanSection> ByName { get; } =
        new Dictionary<string, SafetyPlanSection>(StringComparer.Ordinal)
        {
            ["warning-signs"] = SafetyPlanSection.WarningSigns,
            ["coping"] = SafetyPlanSection.Coping,
            ["distractions"] = SafetyPlanSection.Distractions,
            ["people"] = SafetyPlanSection.People,
            ["professionals"] = SafetyPlanSection.Professionals,
            ["safe-environment"] = SafetyPlanSection.SafeEnvironment,
        };
}
