using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Running;

namespace PeerBot.Dialogs.Loading;

/// <summary>
/// Reads the scheduling step types (time, date and time-zone prompts; schedule, schedule-cancel, schedule-status,
/// schedule-list, quiet-hours, discreet, once). Fixed values (not <c>{templates}</c>) are checked here, so a typo in a
/// kind, topic, day or time is a load error, not a silent no-op for a client.
/// </summary>
internal static class ScheduleStepParser
{
    private static readonly string[] PromptKeys = ["text", "next", "save", "retry", "give-up"];
    private static readonly string[] OnOff = ["yes", "no", "on", "off"];

    public static IReadOnlyDictionary<string, string[]> KeysByType { get; } = new Dictionary<string, string[]>
    {
        ["time"] = PromptKeys,
        ["date"] = [.. PromptKeys, "zone"],
        ["time-zone"] = PromptKeys,
        ["schedule"] = ["kind", "time", "day", "date", "zone", "topic", "next"],
        ["schedule-cancel"] = ["kind", "number", "missing", "next"],
        ["schedule-status"] = ["zone", "has-zone", "check-in", "reminders", "next"],
        ["schedule-list"] = ["kind", "save", "heading", "none", "daily", "weekly", "once", "topics", "next"],
        ["quiet-hours"] = ["start", "end", "next"],
        ["discreet"] = ["enabled", "next"],
        ["once"] = ["key", "first", "later"],
    };

    public static StepDefinition? Parse(string type, YamlMapping m, YamlErrorSink sink, string id, int line) => type switch
    {
        "time" => Prompt(m, (t, s, r, g) => new TimeStep(id, line, Next(m), t, s, r, g)),
        "date" => Prompt(m, (t, s, r, g) => new DateStep(id, line, Next(m), t, s, r, g, m.String("zone", false))),
        "time-zone" => Prompt(m, (t, s, r, g) => new TimeZoneStep(id, line, Next(m), t, s, r, g)),
        "schedule" => Schedule(m, sink, id, line),
        "schedule-cancel" => Cancel(m, sink, id, line),
        "schedule-status" => new ScheduleStatusStep(id, line, Next(m), m.String("zone", false), m.String("has-zone", false),
            m.String("check-in", false), m.String("reminders", false)),
        "schedule-list" => List(m, sink, id, line),
        "quiet-hours" => QuietHours(m, sink, id, line),
        "discreet" => Discreet(m, sink, id, line),
        "once" => Once(m, id, line),
        _ => null,
    };

    private static string? Next(YamlMapping m) => m.String("next", required: false);

    private static T? Prompt<T>(YamlMapping m, Func<LocalizedText, string?, LocalizedText?, string?, T> make) where T : class
    {
        var text = m.Text("text", true);
        return text is null ? null : make(text, m.String("save", false), m.Text("retry", false), m.String("give-up", false));
    }

    private static ScheduleStep? Schedule(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var kind = OneOf(m, sink, "kind", ScheduleWords.Kinds, required: true);
        var time = m.String("time", true);
        var day = m.String("day", false);
        var date = m.String("date", false);
        var zone = m.String("zone", false);
        var topic = m.String("topic", kind == "reminder");
        var ok = kind is not null && time is not null;
        if (time is not null && !ScheduleWords.IsTemplate(time) && WhenParser.Time(time) is null)
            ok = Error(sink, m, "time", $"'{time}' is not a time of day (use 09:00 or a {{variable}})");
        if (day is not null && !ScheduleWords.IsTemplate(day) && WhenParser.Days(day) is null)
            ok = Error(sink, m, "day", $"'{day}' is not a day (known: {string.Join(", ", ScheduleWords.Days)})");
        if (date is not null && !ScheduleWords.IsTemplate(date)
            && !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            ok = Error(sink, m, "date", $"'{date}' is not a date (use 2026-12-24 or a {{variable}})");
        if (day is not null && date is not null)
            ok = Error(sink, m, "date", "give either 'day' (every week) or 'date' (once), not both");
        if (kind == "check-in" && (date is not null || topic is not null))
            ok = Error(sink, m, "kind", "a check-in repeats and has no topic: 'date' and 'topic' are for reminders");
        if (topic is not null && !ScheduleWords.IsTemplate(topic) && !ScheduleWords.Topics.Contains(topic))
            ok = Error(sink, m, "topic", $"unknown topic '{topic}' (known: {string.Join(", ", ScheduleWords.Topics)})");
        return ok ? new ScheduleStep(id, line, Next(m), kind!, time!, day, date, zone, topic) : null;
    }

    private static ScheduleCancelStep? Cancel(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var kind = OneOf(m, sink, "kind", ScheduleWords.CancelKinds, required: true);
        var number = m.String("number", false);
        var missing = m.String("missing", false);
        var ok = kind is not null;
        if (number is not null && kind is not null && kind != "reminder")
            ok = Error(sink, m, "number", "'number' picks one reminder from a list: use it with kind: reminder");
        if (missing is not null && number is null)
            ok = Error(sink, m, "missing", "'missing' is where to go when the numbered reminder does not exist: it needs 'number'");
        return !ok ? null : new ScheduleCancelStep(id, line, Next(m), kind!, number, missing);
    }

    private static ScheduleListStep? List(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var kind = OneOf(m, sink, "kind", ScheduleWords.CancelKinds, required: true);
        var heading = m.Text("heading", true);
        var none = m.Text("none", true);
        var daily = m.Text("daily", true);
        var weekly = m.Text("weekly", true);
        var once = m.Text("once", true);
        var topicsNode = m.Mapping("topics", true);
        var topics = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (topicsNode is not null)
        {
            foreach (var topic in ScheduleWords.ListTopics)
            {
                if (topicsNode.Text(topic, true) is { } label)
                    topics[topic] = label;
            }
            topicsNode.RejectUnknownKeys();
        }
        return kind is null || heading is null || none is null || daily is null || weekly is null || once is null
            || topics.Count != ScheduleWords.ListTopics.Count
            ? null
            : new ScheduleListStep(id, line, Next(m), kind, m.String("save", false), heading, none, daily, weekly, once, topics);
    }

    private static QuietHoursStep? QuietHours(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var start = m.String("start", true);
        var end = m.String("end", true);
        var ok = start is not null && end is not null;
        foreach (var (key, value) in new[] { ("start", start), ("end", end) })
        {
            if (value is not null && !ScheduleWords.IsTemplate(value) && WhenParser.Time(value) is null)
                ok = Error(sink, m, key, $"'{value}' is not a time of day (use 21:00 or a {{variable}})");
        }
        return ok ? new QuietHoursStep(id, line, Next(m), start!, end!) : null;
    }

    private static DiscreetStep? Discreet(YamlMapping m, YamlErrorSink sink, string id, int line)
    {
        var enabled = m.String("enabled", true);
        var ok = enabled is not null;
        if (enabled is not null && !ScheduleWords.IsTemplate(enabled) && !OnOff.Contains(enabled))
            ok = Error(sink, m, "enabled", $"'{enabled}' must be yes or no (or a {{variable}})");
        return ok ? new DiscreetStep(id, line, Next(m), enabled!) : null;
    }

    private static OnceStep? Once(YamlMapping m, string id, int line)
    {
        var key = m.String("key", true);
        var first = m.String("first", true);
        var later = m.String("later", true);
        return key is null || first is null || later is null ? null : new OnceStep(id, line, key, first, later);
    }

    private static string? OneOf(YamlMapping m, YamlErrorSink sink, string key, IReadOnlyList<string> allowed, bool required)
    {
        var value = m.String(key, required);
        if (value is null || allowed.Contains(value))
            return value;
        Error(sink, m, key, $"unknown {key} '{value}' (known: {string.Join(", ", allowed)})");
        return null;
    }

    /// <summary>Records an error and returns false (so a caller can write <c>ok = Error(...)</c>).</summary>
    private static bool Error(YamlErrorSink sink, YamlMapping m, string key, string message)
    {
        sink.Add(m.Line, $"{m.Path}.{key}", message);
        return false;
    }
}
