using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.SafetyPlans;

namespace PeerBot.Dialogs.Loading;

/// <summary>Reads one step (<c>steps[i]</c>) by its <c>type</c>. Returns null after recording errors.</summary>
internal static class StepParser
{
    private static readonly string[] PromptKeys = ["text", "next", "save", "retry", "give-up"];

    /// <summary>Every step type and the keys it accepts besides <c>id</c> and <c>type</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> KeysByType { get; } = new Dictionary<string, string[]>
    {
        ["message"] = ["text", "next"],
        ["choice"] = [.. PromptKeys, "options", "save-label"],
        ["number"] = [.. PromptKeys, "min", "max"],
        ["yes-no"] = [.. PromptKeys, "yes", "no"],
        ["text"] = PromptKeys,
        ["branch"] = ["when", "else"],
        ["set"] = ["var", "value", "next"],
        ["call"] = ["dialog", "save", "next"],
        ["go"] = ["dialog"],
        ["end"] = ["result"],
        ["handoff"] = ["reason", "next"],
        ["check-in-completed"] = ["mood", "craving", "sleep", "use", "next"],
        ["fact"] = ["kind", "detail", "next"],
        ["find-resources"] = ["category", "place", "max", "found", "none", "next"],
        ["plan-save"] = ["section", "from", "next"],
        ["plan-show"] = ["heading", "empty", "sections", "next"],
    }.Concat(GoalStepParser.KeysByType).Concat(ScheduleStepParser.KeysByType).ToDictionary();

    public static StepDefinition? Parse(YamlMapping m, YamlErrorSink sink)
    {
        var id = m.String("id", required: true) ?? string.Empty;
        var type = m.String("type", required: true);
        var line = m.Line;
        if (type is not null && KeysByType.TryGetValue(type, out var keys))
            m.Allow(keys);
        StepDefinition? step = type switch
        {
            null => null,
            "message" => Build(m.Text("text", true), t => new MessageStep(id, line, Next(m), t)),
            "choice" => Choice(m, sink, id, line),
            "number" => Number(m, sink, id, line),
            "yes-no" => YesNo(m, id, line),
            "text" => Build(m.Text("text", true),
                t => new TextStep(id, line, Next(m), t, m.String("save", false), m.Text("retry", false), m.String("give-up", false))),
            "branch" => Branch(m, sink, id, line),
            "set" => Build2(m.String("var", true), m.String("value", true), (v, x) => new SetStep(id, line, Next(m), v, x)),
            "call" => Build(m.String("dialog", true), d => new CallStep(id, line, Next(m), d, m.String("save", false))),
            "go" => Build(m.String("dialog", true), d => new GoStep(id, line, d)),
            "end" => new EndStep(id, line, m.String("result", false)),
            "handoff" => Build(m.String("reason", true), r => new HandoffStep(id, line, Next(m), r)),
            "check-in-completed" => CheckIn(m, id, line),
            "fact" => Build2(m.String("kind", true), m.String("detail", true), (k, d) => new FactStep(id, line, Next(m), k, d)),
            "find-resources" => FindResources(m, id, line),
            "plan-save" => PlanSave(m, sink, id, line),
            "plan-show" => PlanShow(m, sink, id, line),
            _ when GoalStepParser.KeysByType.ContainsKey(type) => GoalStepParser.Parse(type, m, sink, id, line),
            _ when ScheduleStepParser.KeysByType.ContainsKey(type) => ScheduleStepParser.Parse(type, m, sink, id, line),
            _ => Unknown(m, sink, type),
        };
        m.RejectUnknownKeys();
        return id.Length == 0 ? null : step;
    }

    private static string? Next(YamlMapping m) => m.String("next", required: false);

    private static T? Build<TArg, T>(TArg? arg, Func<TArg, T> make) where TArg : class where T : class =>
        arg is null ? null : make(arg);

    private static T? Build2<T>(string? a, string? b, Func<string, string, T> make) where T : class =>
        a is null || b is null ? null : make(a, b);

    private static StepDefinition? Unknown(YamlMapping m, YamlErrorSink sink, string type)
    {
        sink.Add(m.Line, $"{m.Path}.type", $"unknown step type '{type}' (known: {string.Join(", ", KeysByType.Keys)})");
        m.Allow([.. KeysByType.Values.SelectMany(k => k)]);
        return null;
    }

    private static ChoiceStep? Choice(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var text = m.Text("text", true);
        var optionsNode = m.Node("options", true);
        var options = new List<ChoiceOption>();
        if (optionsNode is not null && sink.AsList(optionsNode, $"{m.Path}.options") is { } list)
        {
            if (list.Count == 0)
                sink.Add(optionsNode, $"{m.Path}.options", "a choice needs at least one option");
            for (var i = 0; i < list.Count; i++)
            {
                if (sink.AsMapping(list[i], $"{m.Path}.options[{i + 1}]") is not { } o)
                    continue;
                var value = o.String("value", true);
                var label = o.Text("label", true);
                var words = o.Words("words", false);
                var next = o.String("next", false);
                o.RejectUnknownKeys();
                if (value is not null && label is not null)
                    options.Add(new ChoiceOption(value, label, words, next, o.Line));
            }
            foreach (var dup in options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
                sink.Add(dup.Last().Line, $"{m.Path}.options", $"option value '{dup.Key}' is used twice");
        }
        var save = m.String("save", false);
        var retry = m.Text("retry", false);
        var giveUp = m.String("give-up", false);
        return text is null || optionsNode is null ? null
            : new ChoiceStep(id, line, Next(m), text, save, retry, giveUp, options, m.String("save-label", false));
    }

    private static NumberStep? Number(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var text = m.Text("text", true);
        var min = m.Int("min", true);
        var max = m.Int("max", true);
        if (min is not null && max is not null && min > max)
            sink.Add(line, $"{m.Path}.max", $"max ({max}) is smaller than min ({min})");
        return text is null || min is null || max is null ? null
            : new NumberStep(id, line, Next(m), text, m.String("save", false), m.Text("retry", false),
                m.String("give-up", false), min.Value, max.Value);
    }

    private static YesNoStep? YesNo(YamlMapping m, string id, int line)
    {
        var text = m.Text("text", true);
        return text is null ? null
            : new YesNoStep(id, line, Next(m), text, m.String("save", false), m.Text("retry", false),
                m.String("give-up", false), m.String("yes", false), m.String("no", false));
    }

    private static BranchStep? Branch(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var whenNode = m.Node("when", true);
        var otherwise = m.String("else", true);
        var cases = new List<BranchCase>();
        if (whenNode is not null && sink.AsList(whenNode, $"{m.Path}.when") is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (sink.AsMapping(list[i], $"{m.Path}.when[{i + 1}]") is not { } c)
                    continue;
                var condition = c.String("if", true);
                var next = c.String("next", true);
                c.RejectUnknownKeys();
                if (condition is null || next is null)
                    continue;
                var parsed = ConditionParser.TryParse(condition, out var error);
                if (parsed is null)
                    sink.Add(c.Line, $"{c.Path}.if", error!);
                else
                    cases.Add(new BranchCase(parsed, next, c.Line));
            }
        }
        return whenNode is null || otherwise is null ? null : new BranchStep(id, line, cases, otherwise);
    }

    private static CheckInCompletedStep? CheckIn(YamlMapping m, string id, int line)
    {
        var mood = m.String("mood", true);
        var craving = m.String("craving", true);
        var sleep = m.String("sleep", true);
        var use = m.String("use", true);
        return mood is null || craving is null || sleep is null || use is null ? null
            : new CheckInCompletedStep(id, line, Next(m), mood, craving, sleep, use);
    }

    private static FindResourcesStep? FindResources(YamlMapping m, string id, int line)
    {
        var category = m.String("category", true);
        var place = m.String("place", false);
        var max = m.Int("max", false) ?? 3;
        var found = m.Text("found", true);
        var none = m.Text("none", true);
        return category is null || found is null || none is null ? null
            : new FindResourcesStep(id, line, Next(m), category, place, max, found, none);
    }

    private static PlanSaveStep? PlanSave(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var sectionName = m.String("section", true);
        var from = m.String("from", true);
        if (sectionName is null || from is null)
            return null;
        if (SafetyPlanSections.ByName.TryGetValue(sectionName, out var section))
            return new PlanSaveStep(id, line, Next(m), section, from);
        sink.Add(line, $"{m.Path}.section",
            $"unknown safety plan part '{sectionName}' (known: {string.Join(", ", SafetyPlanSections.ByName.Keys)})");
        return null;
    }

    private static PlanShowStep? PlanShow(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var heading = m.Text("heading", true);
        var empty = m.Text("empty", true);
        var sections = m.Mapping("sections", true);
        var titles = new Dictionary<SafetyPlanSection, LocalizedText>();
        if (sections is not null)
        {
            foreach (var (name, section) in SafetyPlanSections.ByName)
            {
                if (sections.Text(name, true) is { } title)
                    titles[section] = title;
            }
            sections.RejectUnknownKeys();
        }
        return heading is null || empty is null || titles.Count != SafetyPlanSections.ByName.Count ? null
            : new PlanShowStep(id, line, Next(m), heading, empty, titles);
    }
}
