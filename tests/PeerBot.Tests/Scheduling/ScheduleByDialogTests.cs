using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Scheduling;
using PeerBot.Tests.Testing;
using Xunit;

using static PeerBot.Tests.Scheduling.SchedulingApps;

namespace PeerBot.Tests.Scheduling;

/// <summary>
/// Scheduling end to end through HTTP: the client opts in by dialog on /api/messages, the manual clock moves, the
/// dispatcher runs, and the fake Bot Connector shows what reached the client. The clock starts at
/// 2026-12-01 15:00 UTC (10:00 in New York).
/// </summary>
public sealed class ScheduleByDialogTests
{
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task DailyCheckInByDialog_SentAt0900Local_NotBefore_NotTwice()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("webchat");
        await SayAsync(app, client, NewYork, "menu", "reminders and settings", "scheduled check-ins", "every day", "9am");
        var confirm = await SayAsync(app, client, NewYork, "yes");
        var dispatcher = app.Service<ScheduleDispatcher>();

        Assert.Contains(confirm, t => t.StartsWith("Done. I'll check in with you", StringComparison.Ordinal));
        app.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(59)); // 08:59 in New York
        var early = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // 09:00
        var due = await dispatcher.RunDueAsync(CancellationToken.None);
        var again = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(0, early.Claimed);
        Assert.Equal((1, 1), (due.Claimed, due.Sent));
        Assert.Equal(0, again.Claimed);
        Assert.Single(CheckIns(app, client));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero), app.Clock.GetUtcNow()); // 09:00 EST = 14:00 UTC
    }

    [Fact]
    public async Task CheckInByDialogInQuietHours_HeldUntilTheyEnd()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("webchat");
        await SayAsync(app, client, NewYork, "menu", "reminders and settings", "scheduled check-ins", "every day", "10:30 pm", "yes");
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(12.5)); // 22:30 in New York: inside the default quiet hours
        var atNight = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(9.5) - TimeSpan.FromMinutes(1)); // 07:59
        var beforeEnd = await dispatcher.RunDueAsync(CancellationToken.None);
        var sentBefore = CheckIns(app, client).Count;
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // 08:00
        var morning = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (atNight.Claimed, atNight.Sent, atNight.Postponed));
        Assert.Equal(0, beforeEnd.Claimed);
        Assert.Equal(0, sentBefore);
        Assert.Equal(1, morning.Sent);
        Assert.Single(CheckIns(app, client));
    }

    [Fact]
    public async Task QuietHoursSetByDialog_HoldTheScheduledMessage()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("webchat");
        await SayAsync(app, client, NewYork, "menu", "reminders and settings", "scheduled check-ins", "every day", "noon", "yes", "yes");
        await SayAsync(app, client, NewYork, "reminders and settings", "quiet hours", "set my quiet hours", "11am", "1pm");
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(2)); // 12:00 in New York, inside the client's 11:00-13:00
        var noon = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(1)); // 13:00
        var after = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (noon.Sent, noon.Postponed));
        Assert.Equal(1, after.Sent);
        Assert.Single(CheckIns(app, client));
    }

    [Fact]
    public async Task SmsClientWhoOptedOut_NeverGetsTheScheduledCheckIn()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));
        // SMS sends no time zone: the dialog asks (1 = Eastern).
        await SayAsync(app, client, null, "hello", "6", "1", "1", "11am", "1", "yes");
        var scheduled = await app.WithDbAsync(db => db.Set<ScheduleEntry>().SingleAsync());
        await SayAsync(app, client, null, "STOP");
        var afterStop = app.Connector.TextsTo(client.ConversationId).Count;

        app.Clock.Advance(TimeSpan.FromHours(1)); // 11:00 in New York
        var result = await app.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await app.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None);

        Assert.Equal(NewYork, scheduled.TimeZoneId);
        Assert.Equal((1, 0, 1), (result.Claimed, result.Sent, result.Suppressed));
        Assert.Equal(0, nextDay.Sent);
        Assert.Equal(afterStop, app.Connector.TextsTo(client.ConversationId).Count);
    }

    [Fact]
    public async Task OneOffReminderByDialog_ArrivesOnceAtItsTime()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("webchat");
        await SayAsync(app, client, NewYork, "menu", "reminders and settings", "my reminders", "add a reminder",
            "appointment", "once", "tomorrow", "2:30 pm", "yes");
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(28) + TimeSpan.FromMinutes(29)); // Dec 2, 14:29 in New York
        var early = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(7));
        var later = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(0, early.Claimed);
        Assert.Equal(1, due.Sent);
        Assert.Equal(0, later.Claimed);
        Assert.Single(app.Connector.TextsTo(client.ConversationId), t => t == ScheduledTexts.Reminder("appointment", "en-US"));
    }

    [Fact]
    public async Task WeeklyReminderByDialog_ListedThenCancelledByNumber()
    {
        await using var app = NewApp();
        var client = new ActivityBuilder("webchat");
        await SayAsync(app, client, NewYork, "menu", "reminders and settings", "my reminders", "add a reminder",
            "meeting", "every week", "thursday", "7pm", "yes");
        var listed = await SayAsync(app, client, NewYork, "yes", "reminders and settings", "my reminders", "see or cancel reminders");
        await SayAsync(app, client, NewYork, "1");

        Assert.Contains(listed, t => t.Contains("1. Meeting, every Thursday at 7:00 PM", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.Set<ScheduleEntry>().Select(e => e.Active).SingleAsync()));
    }


    /// <summary>Sends each line as the client (with the channel's time zone when given); returns what the bot answered to the last.</summary>
    private static async Task<IReadOnlyList<string>> SayAsync(PeerBotApp app, ActivityBuilder client, string? zone, params string[] lines)
    {
        IReadOnlyList<string> answer = [];
        foreach (var line in lines)
        {
            var before = app.Connector.TextsTo(client.ConversationId).Count;
            var activity = client.Message(line);
            activity.LocalTimezone = zone;
            using var response = await app.SendAsync(activity);
            Assert.True(response.IsSuccessStatusCode, $"'{line}': {(int)response.StatusCode}");
            answer = app.Connector.TextsTo(client.ConversationId).Skip(before).ToList();
        }
        return answer;
    }

    private static List<SentActivity> CheckIns(PeerBotApp app, ActivityBuilder client) =>
        app.Connector.Sent.Where(s => s.ConversationId == client.ConversationId && s.Activity.Text == ScheduledTexts.CheckIn("en-US")).ToList();
}
