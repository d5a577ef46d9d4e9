using PeerBot.Dialogs.Loading;
using Xunit;

namespace PeerBot.Tests.Dialogs;

/// <summary>The loader is strict about the scheduling steps: a typo in a fixed value is a load error with its path.</summary>
public sealed class ScheduleStepLoaderTests
{
    [Theory]
    [InlineData("kind: reminder\n    save: listed", "kind: reminders\n    save: listed", "reminders.yaml", "unknown kind 'reminders'")]
    [InlineData("topic: \"{topic}\"\n    date: \"{date}\"", "topic: dentist\n    date: \"{date}\"", "reminders.yaml", "unknown topic 'dentist'")]
    [InlineData("day: \"{day}\"\n    zone: \"{zone}\"\n    next: saved", "day: funday\n    zone: \"{zone}\"\n    next: saved", "schedule.yaml", "'funday' is not a day")]
    [InlineData("start: \"21:00\"", "start: \"25:00\"", "settings.yaml", "'25:00' is not a time of day")]
    [InlineData("enabled: \"yes\"", "enabled: \"maybe\"", "settings.yaml", "'maybe' must be yes or no")]
    [InlineData("missing: no-such", "missing: nowhere", "reminders.yaml", "refers to step 'nowhere'")]
    [InlineData("      other: { en: \"Reminder\", es: \"Recordatorio\" }\n\n  - id: change-or-stop", "\n  - id: change-or-stop", "schedule.yaml", "'other' is missing")]
    [InlineData("key: schedule-offer\n    first: offer-tip", "key: schedule-offer\n    first: nowhere", "check-in.yaml", "refers to step 'nowhere'")]
    public void Load_ShippedScheduleDialogWithATypo_FailsNamingIt(string find, string replace, string file, string message)
    {
        using var dialogs = new TempDialogs().Edit(file, find, replace);

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal($"dialogs/{file}", error.File);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Load_CheckInWithTopic_IsAnError()
    {
        using var dialogs = new TempDialogs().Edit("schedule.yaml",
            "kind: check-in\n    time: \"{time}\"\n    zone: \"{zone}\"\n    next: saved",
            "kind: check-in\n    topic: meeting\n    time: \"{time}\"\n    zone: \"{zone}\"\n    next: saved");

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal("steps[save-daily].kind", error.Path);
        Assert.Contains("'date' and 'topic' are for reminders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ScheduleFromFreeText_IsRejected()
    {
        using var dialogs = new TempDialogs().Edit("reminders.yaml", "  - id: time\n    type: time\n", "  - id: time\n    type: text\n");

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        Assert.Contains(errors, e => e.Path == "steps[save-once]" && e.Message.Contains("'time' holds free text", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownVariableInSchedule_IsAnError()
    {
        using var dialogs = new TempDialogs().Edit("schedule.yaml", "day: \"{day}\"", "day: \"{weekday}\"");

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Contains("uses variable 'weekday'", error.Message, StringComparison.Ordinal);
    }
}
