using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Dialogs;
using PeerBot.Scheduling;
using PeerBot.Tests.Channels;
using PeerBot.Tests.Testing;
using Xunit;

using static PeerBot.Tests.Scheduling.SchedulingApps;

namespace PeerBot.Tests.Scheduling;

/// <summary>
/// The scheduler's database guarantees on both providers (PostgreSQL cases skip without PEERBOT_TEST_POSTGRES):
/// claim-before-send under two racing dispatchers, the lateness limit, and "gone quiet" on the coordinator board.
/// The clock starts at 2026-12-01 15:00 UTC (10:00 in New York).
/// </summary>
public sealed class SchedulerProviderTests
{
    private const string Zone = "America/New_York";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Fact]
    [Trait("Db", "Postgres")]
    public async Task TwoDispatchers_RacingOnPostgres_EveryRunSentExactlyOnce()
    {
        var settings = new Dictionary<string, string?>
        {
            ["PeerBot:Scheduling:Enabled"] = "false",
            ["PeerBot:Scheduling:BatchSize"] = "4",
            ["PeerBot:Scheduling:SendConcurrency"] = "4",
        };
        await using var a = new PeerBotApp(settings, provider: "Postgres");
        settings["ConnectionStrings:PeerBot"] = a.ConnectionString; // b shares a's database
        await using var b = new PeerBotApp(settings, provider: "Postgres");
        var clients = new List<ActivityBuilder>();
        for (var i = 0; i < 30; i++)
        {
            var (key, client) = await NewSmsClientAsync(a);
            clients.Add(client);
            await SmsOptOutTests.ScheduleAsync(a, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(11, 0), [], Zone));
        }
        a.Clock.Advance(TimeSpan.FromHours(1));
        b.Clock.Advance(TimeSpan.FromHours(1));
        var da = a.Service<ScheduleDispatcher>();
        var db = b.Service<ScheduleDispatcher>();

        var results = await Task.WhenAll(
            da.RunDueAsync(CancellationToken.None), db.RunDueAsync(CancellationToken.None),
            Task.Run(() => da.RunDueAsync(CancellationToken.None)), Task.Run(() => db.RunDueAsync(CancellationToken.None)));

        Assert.Equal(30, results.Sum(r => r.Sent));
        Assert.True(results.Count(r => r.Sent > 0) >= 2, "both dispatchers should have taken part");
        Assert.All(clients, c => Assert.Single(CheckIns(a, c).Concat(CheckIns(b, c))));
        Assert.Equal(0, await a.WithDbAsync(x => x.Set<OutboxMessage>().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RunFarTooLate_NotSentAt3am_NextRunTomorrowEvening(string provider)
    {
        await using var app = NewApp(provider: provider);
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(20, 0), [], Zone));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(17)); // 03:00 in New York: the 20:00 run is 7 h late (limit 6 h)
        var at3 = await dispatcher.RunDueAsync(CancellationToken.None);
        var entry = await app.WithDbAsync(db => db.Set<ScheduleEntry>().AsNoTracking().SingleAsync());
        app.Clock.Advance(TimeSpan.FromHours(5)); // 08:00, quiet hours over
        var morning = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(12)); // 20:00
        var evening = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (at3.Claimed, at3.Sent, at3.Postponed));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero), entry.NextRunAt); // Dec 2, 20:00 EST
        Assert.Null(entry.LastSentAt);
        Assert.Equal(0, morning.Claimed);
        Assert.Equal(1, evening.Sent);
        Assert.Single(CheckIns(app, client));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RunLateWithinLimit_SentAfterQuietHours(string provider)
    {
        await using var app = NewApp(provider: provider);
        var (key, client) = await NewSmsClientAsync(app);
        await SmsOptOutTests.ScheduleAsync(app, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(20, 0), [], Zone));
        var dispatcher = app.Service<ScheduleDispatcher>();

        app.Clock.Advance(TimeSpan.FromHours(12)); // 22:00: 2 h late, in quiet hours
        var late = await dispatcher.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(10)); // 08:00
        var morning = await dispatcher.RunDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (late.Sent, late.Postponed));
        Assert.Equal(1, morning.Sent);
        Assert.Single(CheckIns(app, client));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task MissedCheckIns_ClientShownGoneQuietOnCoordinatorBoard_UntilTheyWrite(string provider)
    {
        await using var app = NewApp(new() { ["PeerBot:Scheduling:MissedBeforeGoneQuiet"] = "3" }, provider);
        var (quietKey, quiet) = await NewSmsClientAsync(app);
        var (answeringKey, answering) = await NewSmsClientAsync(app);
        foreach (var key in new[] { quietKey, answeringKey })
            await SmsOptOutTests.ScheduleAsync(app, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(11, 0), [], Zone));
        var dispatcher = app.Service<ScheduleDispatcher>();
        app.Clock.Advance(TimeSpan.FromHours(1));

        var boards = new List<List<string>>();
        for (var day = 0; day < 4; day++)
        {
            await dispatcher.RunDueAsync(CancellationToken.None);
            using (await app.SendAsync(answering.Message("doing ok"))) { }
            boards.Add(await QuietOnBoardAsync(app));
            app.Clock.Advance(TimeSpan.FromDays(1));
        }
        using (await app.SendAsync(quiet.Message("sorry, rough week"))) { }
        var afterWriting = await QuietOnBoardAsync(app);

        // Sent on days 1-4; the 4th send finds 3 unanswered before it.
        Assert.Equal([[], [], [], [quietKey]], boards);
        Assert.Empty(afterWriting);
        Assert.Equal(4, CheckIns(app, quiet).Count);
    }

    /// <summary>Signs in afresh each time: the clock moves by days, past the console session's lifetime.</summary>
    private static async Task<List<string>> QuietOnBoardAsync(PeerBotApp app)
    {
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        using var response = await coordinator.GetAsync("/api/coordinator/board");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await response.JsonAsync();
        return board.GetProperty("goneQuiet").EnumerateArray().Select(q =>
        {
            Assert.Equal("sms", q.GetProperty("channel").GetString());
            Assert.True(q.GetProperty("missedInRow").GetInt32() >= 3);
            return q.GetProperty("conversationKey").GetString()!;
        }).ToList();
    }

    private static List<string> CheckIns(PeerBotApp app, ActivityBuilder client) =>
        app.Connector.TextsTo(client.ConversationId).Where(t => t == ScheduledTexts.CheckIn("en-US")).ToList();
}
