using System.Text.RegularExpressions;
using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Loading;

/// <summary>Checks inside one dialog: unique step ids, step references, reachability and variables.</summary>
internal static partial class DialogChecks
{
    public static void Check(
        DialogDefinition dialog, IReadOnlyList<(string Id, int Line)> allIds, bool complete, YamlErrorSink sink)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, line) in allIds.Where(s => !ids.Add(s.Id)))
            sink.Add(line, $"steps[{id}]", $"step id '{id}' is used twice");

        foreach (var step in dialog.Steps)
        {
            foreach (var target in step.Targets.Where(t => !ids.Contains(t)))
                sink.Add(step.Line, $"steps[{step.Id}]", $"refers to step '{target}', which does not exist in this dialog");
        }

        if (!complete || dialog.Steps.Count == 0)
            return;
        var reached = Reachable(dialog);
        foreach (var step in dialog.Steps.Where(s => !reached.Contains(s.Id)))
            sink.Add(step.Line, $"steps[{step.Id}]", $"step '{step.Id}' can never be reached");

        CheckVariables(dialog, sink);
    }

    private static HashSet<string> Reachable(DialogDefinition dialog)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<StepDefinition>([dialog.First]);
        while (queue.TryDequeue(out var step))
        {
            if (!reached.Add(step.Id))
                continue;
            var targets = step.Targets.ToList();
            if (step.FallsThrough && dialog.NextOf(step with { Next = null }) is { } following)
                targets.Add(following);
            foreach (var target in targets)
            {
                if (dialog.Find(target) is { } next && !reached.Contains(next.Id))
                    queue.Enqueue(next);
            }
        }
        return reached;
    }

    private static void CheckVariables(DialogDefinition dialog, YamlErrorSink sink)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in dialog.Steps)
        {
            var name = step switch
            {
                PromptStep p => p.Save,
                SetStep s => s.Variable,
                CallStep c => c.Save,
                GoalsLoadStep g => g.Save,
                ScheduleListStep l => l.Save,
                _ => null,
            };
            if (name is not null)
                declared.Add(name);
            if (step is ScheduleStatusStep status)
                declared.UnionWith(status.Saves);
            if (step is ChoiceStep { SaveLabel: { } label })
                declared.Add(label);
        }
        foreach (var step in dialog.Steps)
        {
            foreach (var used in Uses(step).Where(u => !declared.Contains(u)))
                sink.Add(step.Line, $"steps[{step.Id}]", $"uses variable '{used}', which no step of this dialog sets");
        }

        // Free text lives for one turn only; copying it into a kept variable, a condition or a summary fact would
        // keep the client's words (privacy). Messages, searches and the encrypted safety plan may use it.
        var freeText = dialog.Steps.OfType<TextStep>().Select(t => t.Save).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var step in dialog.Steps)
        {
            var kept = step switch
            {
                SetStep s => InTemplate(s.Value),
                FactStep f => InTemplate(f.Detail),
                BranchStep b => b.Cases.SelectMany(c => c.When.Variables),
                CheckInCompletedStep c => [c.Mood, c.Craving, c.Sleep, c.Use],
                GoalSaveStep g => InTemplate(g.Slot),
                GoalRemoveStep g => InTemplate(g.Slot),
                GoalProgressStep g => [g.From],
                ScheduleStep or ScheduleCancelStep or QuietHoursStep or DiscreetStep => Uses(step),
                _ => [],
            };
            foreach (var name in kept.Where(freeText.Contains).Distinct())
                sink.Add(step.Line, $"steps[{step.Id}]",
                    $"'{name}' holds free text, which is kept for one turn only; it cannot be used here");
        }
    }

    private static IEnumerable<string> Uses(StepDefinition step) => step switch
    {
        MessageStep m => InTexts(m.Text),
        ChoiceStep c => InTexts(c.Text, c.Retry).Concat(c.Options.SelectMany(o => InTexts(o.Label))),
        DateStep d => InTexts(d.Text, d.Retry).Concat(InTemplate(d.Zone ?? string.Empty)),
        PromptStep p => InTexts(p.Text, p.Retry),
        SetStep s => InTemplate(s.Value),
        BranchStep b => b.Cases.SelectMany(c => c.When.Variables),
        CheckInCompletedStep c => [c.Mood, c.Craving, c.Sleep, c.Use],
        FactStep f => InTemplate(f.Detail),
        FindResourcesStep r => InTemplate(r.Category).Concat(InTemplate(r.Place ?? string.Empty))
            .Concat(InTexts(r.Found, r.None)),
        PlanSaveStep p => [p.From],
        GoalSaveStep g => InTemplate(g.Slot).Append(g.From),
        GoalRemoveStep g => InTemplate(g.Slot),
        GoalProgressStep g => [g.From],
        GoalsShowStep g => InTexts(g.Heading, g.Empty, g.StepLabel),
        ScheduleStep s => new[] { s.Time, s.Day, s.Date, s.Zone, s.Topic }.OfType<string>().SelectMany(InTemplate),
        ScheduleCancelStep c => InTemplate(c.Number ?? string.Empty),
        QuietHoursStep q => InTemplate(q.Start).Concat(InTemplate(q.End)),
        DiscreetStep d => InTemplate(d.Enabled),
        ScheduleListStep l => InTexts(l.Heading, l.None, l.Daily, l.Weekly, l.Once).Except(ScheduleListStep.Fills),
        _ => [],
    };

    private static IEnumerable<string> InTexts(params LocalizedText?[] texts) =>
        texts.OfType<LocalizedText>().SelectMany(t => t.ByLocale.Values).SelectMany(InTemplate).Distinct();

    private static IEnumerable<string> InTemplate(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9_-]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();
}
