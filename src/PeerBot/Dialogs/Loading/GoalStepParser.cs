using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Loading;

/// <summary>Reads the recovery-goal steps (<c>goal-save</c>, <c>goal-remove</c>, <c>goals-load</c>, …).</summary>
internal static class GoalStepParser
{
    public static IReadOnlyDictionary<string, string[]> KeysByType { get; } = new Dictionary<string, string[]>
    {
        ["goal-save"] = ["slot", "part", "from", "next"],
        ["goal-remove"] = ["slot", "next"],
        ["goals-load"] = ["save", "next"],
        ["goal-progress"] = ["from", "next"],
        ["goals-show"] = ["heading", "empty", "step-label", "next"],
    };

    public static StepDefinition? Parse(string type, YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var next = m.String("next", required: false);
        switch (type)
        {
            case "goal-save":
                var slot = m.String("slot", true);
                var part = m.String("part", true);
                var from = m.String("from", true);
                if (part is not null and not ("goal" or "step"))
                {
                    sink.Add(line, $"{m.Path}.part", $"unknown goal part '{part}' (known: goal, step)");
                    return null;
                }
                return slot is null || part is null || from is null ? null
                    : new GoalSaveStep(id, line, next, slot, part == "goal" ? GoalPart.Goal : GoalPart.Step, from);
            case "goal-remove":
                return m.String("slot", true) is { } removed ? new GoalRemoveStep(id, line, next, removed) : null;
            case "goals-load":
                return m.String("save", true) is { } save ? new GoalsLoadStep(id, line, next, save) : null;
            case "goal-progress":
                return m.String("from", true) is { } progress ? new GoalProgressStep(id, line, next, progress) : null;
            default:
                var heading = m.Text("heading", true);
                var empty = m.Text("empty", true);
                var stepLabel = m.Text("step-label", true);
                return heading is null || empty is null || stepLabel is null ? null
                    : new GoalsShowStep(id, line, next, heading, empty, stepLabel);
        }
    }
}
