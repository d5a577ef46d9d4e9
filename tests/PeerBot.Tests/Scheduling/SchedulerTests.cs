using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Dialogs;
using PeerBot.Scheduling;
using PeerBot.Tests.Channels;
using PeerBot.Tests.Testing;
using Xunit;

using static PeerBot.Tests.Scheduling.SchedulingApps;

namespace PeerBot.Tests.Scheduling;

/// <summary>The scheduler end to end, on the manual clock (it starts at 2026-12-01 15:00 UTC = 10:00 in New York).</summary>
public sealed class SchedulerTests
{
    private const string Zone = "America/New_York";

    [Fact]
    public async Task DailyCheckIn_SentOnceAtLocalTime_NextRunTomorrow()
    {
        await using var app = NewApp();
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, CheckIn(11, 0));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await dispatcher.RunDueAsync(CancellationToken.None)).Sent);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await dispatcher.RunDueAsync(CancellationToken.None);
        var again = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(1, due.Sent);
        Assert.Equal(0, again.Claimed);
        Assert.Single(CheckInTexts(app, client));
        var entry = await app.WithDbAsync(db => db.Set<ScheduleEntry>().SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), entry.NextRunAt);
        Assert.Null(entry.ClaimToken);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "sent or suppressed rows are deleted");
    }

    [Fact]
    public async Task TeamsCheckIn_IsAdaptiveCard()
    {
        await using var app = NewApp();
        var teams = new ActivityBuilder("msteams");
        using (await app.SendAsync(teams.Message("hello"))) { }
        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.Key).SingleAsync());
        await SmsOptOutTests.ScheduleAsync(app, key, CheckIn(11, 0));
        var before = app.Connector.Sent.Count;

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None);

        var sent = Assert.Single(app.Connector.Sent.Skip(before));
        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(sent.Activity.Attachments!).ContentType);
    }

    [Fact]
    public async Task QuietHours_LateCheckIn_WaitsUntilMorning()
    {
        await using var app = NewApp();
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, CheckIn(22, 30));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(12.5)); // 22:30 local
        var atNight = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(9.5) - TimeSpan.FromMinutes(1)); // 07:59 local
        var beforeEnd = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // 08:00 local
        var morning = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (atNight.Claimed, atNight.Sent, atNight.Postponed));
        Assert.Equal(0, beforeEnd.Claimed);
        Assert.Equal(1, morning.Sent);
        Assert.Single(CheckInTexts(app, client));
    }

    [Fact]
    public async Task QuietHours_CrisisReplyNeverHeld()
    {
        await using var app = NewApp();
        var (_, client) = await NewSmsClientAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(13)); // 23:00 local
        var before = app.Connector.Sent.Count;

        using (await app.SendAsync(client.Message("I want to kill myself"))) { }

        Assert.Contains(app.Connector.TextsTo(client.ConversationId).Skip(before), t => t.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_NextRunPersisted_NewProcessSendsOnce()
    {
        var folder = Directory.CreateTempSubdirectory("peerbot-restart-");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PeerBot"] = $"Data Source={Path.Combine(folder.FullName, "shared.db")}",
            ["PeerBot:Scheduling:Enabled"] = "false",
        };
        ActivityBuilder client;
        await using (var first = new PeerBotApp(settings))
        {
            (var key, client) = await NewSmsClientAsync(first);
            await SmsOptOutTests.ScheduleAsync(first, key, CheckIn(11, 0));
        }

        await using var second = new PeerBotApp(settings);
        second.Clock.Advance(TimeSpan.FromHours(1));
        var result = await second.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        Assert.Single(CheckInTexts(second, client));
    }

    [Fact]
    public async Task TwoReplicas_SameDatabase_EveryRunSentExactlyOnce()
    {
        var folder = Directory.CreateTempSubdirectory("peerbot-replicas-");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PeerBot"] = $"Data Source={Path.Combine(folder.FullName, "shared.db")}",
            ["PeerBot:Scheduling:Enabled"] = "false",
            ["PeerBot:Scheduling:BatchSize"] = "3",
        };
        await using var a = new PeerBotApp(settings);
        await using var b = new PeerBotApp(settings);
        var clients = new List<ActivityBuilder>();
        for (var i = 0; i < 12; i++)
        {
            var (key, client) = await NewSmsClientAsync(a);
            clients.Add(client);
            await SmsOptOutTests.ScheduleAsync(a, key, CheckIn(11, 0));
        }
        a.Clock.Advance(TimeSpan.FromHours(1));
        b.Clock.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(
            a.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None),
            b.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None));

        Assert.Equal(12, results.Sum(r => r.Sent));
        Assert.All(clients, c => Assert.Single(CheckInTexts(a, c).Concat(CheckInTexts(b, c))));
    }

    [Fact]
    public async Task CrashedWorkerClaim_NothingSentUntilLeaseEnds_ThenOnce()
    {
        await using var app = NewApp();
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, CheckIn(11, 0));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var crashedUntil = app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        await app.WithDbAsync(db => db.Set<ScheduleEntry>().ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ClaimToken, Guid.NewGuid()).SetProperty(e => e.ClaimedUntil, crashedUntil)));
        var dispatcher = app.Service<ScheduleDispatcher>();

        var whileClaimed = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterLease = await dispatcher.RunDueAsync(CancellationToken.None);
        var later = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(0, whileClaimed.Claimed);
        Assert.Equal(1, afterLease.Sent);
        Assert.Equal(0, later.Claimed);
        Assert.Single(CheckInTexts(app, client));
    }

    [Fact]
    public async Task MissedCheckIns_MarkGoneQuiet_ClientWritingClearsIt()
    {
        await using var app = NewApp(new() { ["PeerBot:Scheduling:MissedBeforeGoneQuiet"] = "2" });
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, CheckIn(11, 0));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(1));
        for (var day = 0; day < 3; day++)
        {
            await dispatcher.RunDueAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var quiet = await GoneQuietAsync(app);
        Assert.Equal(key, Assert.Single(quiet).ConversationKey);
        Assert.Equal(3, CheckInTexts(app, client).Count);

        using (await app.SendAsync(client.Message("sorry, busy week"))) { }
        Assert.Empty(await GoneQuietAsync(app));
    }

    [Fact]
    public async Task OneOffReminder_SentOnce_ThenInactive()
    {
        await using var app = NewApp();
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key,
            new DialogEvent.ScheduleRequested("reminder", new TimeOnly(12, 0), [], Zone, new DateOnly(2026, 12, 1), "appointment"));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(2));
        var first = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var second = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Claimed);
        Assert.Contains(app.Connector.TextsTo(client.ConversationId), t => t.Contains("appointment", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.Set<ScheduleEntry>().Select(e => e.Active).SingleAsync()));
    }

    [Fact]
    public async Task Schedule_ZoneFromTeamsClientInfo_UsedWhenDialogDidNotAsk()
    {
        await using var app = NewApp();
        var message = TeamsTests.Fixture("teams.message.personal.json");
        using (await app.SendAsync(message)) { }
        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.Key).SingleAsync());

        await SmsOptOutTests.ScheduleAsync(app, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(9, 0), [], null));

        var entry = await app.WithDbAsync(db => db.Set<ScheduleEntry>().SingleAsync());
        Assert.Equal("America/Los_Angeles", entry.TimeZoneId);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), entry.NextRunAt); // 09:00 in Los Angeles
    }

    private static DialogEvent.ScheduleRequested CheckIn(int hour, int minute) =>
        new("check-in", new TimeOnly(hour, minute), [], Zone);

    private static List<string> CheckInTexts(PeerBotApp app, ActivityBuilder client) =>
        app.Connector.TextsTo(client.ConversationId).Where(t => t.Contains(ScheduledTexts.CheckIn("en-US")[..20], StringComparison.Ordinal)).ToList();

    private static async Task<IReadOnlyList<GoneQuietClient>> GoneQuietAsync(PeerBotApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CheckInScheduler>().GoneQuietAsync(CancellationToken.None);
    }
}
