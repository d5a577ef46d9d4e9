namespace PeerBot.Dialogs.Definitions;

/// <summary>A time of day ("9am", "21:30", "9 pm"); <c>save</c> gets it as <c>HH:mm</c>.</summary>
public sealed record TimeStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp);

/// <summary>
/// A date from today on, at most a year ahead ("tomorrow", "12/24", "2026-12-24"); <c>save</c> gets
/// <c>yyyy-MM-dd</c>. "Today" is the client's: in the zone named by <see cref="Zone"/> (a template), else the channel's.
/// </summary>
public sealed record DateStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp,
    string? Zone)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp);

/// <summary>An IANA time zone name ("America/Chicago"); <c>save</c> gets the zone's canonical name.</summary>
public sealed record TimeZoneStep(
    string Id, int Line, string? Next, LocalizedText Text, string? Save, LocalizedText? Retry, string? GiveUp)
    : PromptStep(Id, Line, Next, Text, Save, Retry, GiveUp);

/// <summary>
/// Asks for a scheduled message: a check-in or a reminder at <see cref="Time"/> (HH:mm), every day, on
/// <see cref="Day"/> each week, or once on <see cref="Date"/>. All values are templates over saved answers.
/// </summary>
public sealed record ScheduleStep(
    string Id, int Line, string? Next, string Kind, string Time, string? Day, string? Date, string? Zone, string? Topic)
    : StepDefinition(Id, Line, Next);

/// <summary>
/// Stops scheduled messages of <see cref="Kind"/>, or only the reminder numbered <see cref="Number"/> in the list;
/// when there is no reminder with that number it goes to <see cref="Missing"/> instead.
/// </summary>
public sealed record ScheduleCancelStep(string Id, int Line, string? Next, string Kind, string? Number, string? Missing)
    : StepDefinition(Id, Line, Next)
{
    public override IEnumerable<string> Targets => base.Targets.Concat(Missing is null ? [] : [Missing]);
}

/// <summary>Sets the client's quiet hours (HH:mm templates).</summary>
public sealed record QuietHoursStep(string Id, int Line, string? Next, string Start, string End)
    : StepDefinition(Id, Line, Next);

/// <summary>Turns discreet mode on or off (a template giving yes/no or on/off).</summary>
public sealed record DiscreetStep(string Id, int Line, string? Next, string Enabled)
    : StepDefinition(Id, Line, Next);

/// <summary>
/// Looks up what is scheduled, into the variables named here: the client's time zone (the channel's, else the one
/// an earlier schedule used; empty when unknown), whether one is known (yes/no), whether a check-in is scheduled
/// (yes/no) and how many reminders are set.
/// </summary>
public sealed record ScheduleStatusStep(
    string Id, int Line, string? Next, string? Zone, string? HasZone, string? CheckIn, string? Reminders)
    : StepDefinition(Id, Line, Next)
{
    public IEnumerable<string> Saves => new[] { Zone, HasZone, CheckIn, Reminders }.OfType<string>();
}

/// <summary>
/// Lists the client's scheduled messages of <see cref="Kind"/>, numbered, each as "topic, when"; <see cref="Save"/>
/// gets how many there are.
/// </summary>
public sealed record ScheduleListStep(
    string Id, int Line, string? Next, string Kind, string? Save, LocalizedText Heading, LocalizedText None,
    LocalizedText Daily, LocalizedText Weekly, LocalizedText Once, IReadOnlyDictionary<string, LocalizedText> Topics)
    : StepDefinition(Id, Line, Next)
{
    /// <summary>What the <c>daily</c>, <c>weekly</c> and <c>once</c> texts may use: the time, the weekday, the date.</summary>
    public static IReadOnlyList<string> Fills { get; } = ["time", "day", "date"];
}

/// <summary>Goes to <see cref="First"/> the first time this client reaches it (per <see cref="Key"/>), to <see cref="Later"/> after.</summary>
public sealed record OnceStep(string Id, int Line, string Key, string First, string Later) : StepDefinition(Id, Line, null)
{
    public override IEnumerable<string> Targets => [First, Later];

    public override bool FallsThrough => false;
}

/// <summary>The values schedule steps accept, for the loader and the runner.</summary>
public static class ScheduleWords
{
    public static IReadOnlyList<string> Kinds { get; } = ["check-in", "reminder"];
    public static IReadOnlyList<string> CancelKinds { get; } = ["check-in", "reminder", "all"];
    public static IReadOnlyList<string> Topics { get; } = ["appointment", "meeting", "medication", "other"];

    /// <summary>Topics a list names: the reminder topics plus the check-in itself.</summary>
    public static IReadOnlyList<string> ListTopics { get; } = ["check-in", .. Topics];

    /// <summary>Day values: <c>daily</c> (or empty) or a weekday in English, lower case.</summary>
    public static IReadOnlyList<string> Days { get; } =
        ["daily", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static bool IsTemplate(string value) => value.Contains('{', StringComparison.Ordinal);
}
