using Microsoft.EntityFrameworkCore;
using PeerBot.Channels.Sms;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>SMS paging of the on-call peer for crisis handoffs, through direct Twilio (the loopback fake).</summary>
public sealed class OnCallPagerTests
{
    private const string OnCall = "+15550002222";
    private const string Night = "+15550003333";
    private const string Crisis = "I want to kill myself";

    private static PeerBotApp NewApp(FakeTwilio twilio, Dictionary<string, string?>? extra = null)
    {
        var settings = twilio.Settings();
        settings["PeerBot:Handoff:ConsoleUrl"] = "https://peerbot.example.org";
        settings["PeerBot:Handoff:TimerInterval"] = "00:00:10";
        settings["PeerBot:Handoff:OnCall:0:Phone"] = OnCall;
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return new PeerBotApp(settings);
    }

    private static Task<List<HandoffAlert>> SmsAlertsAsync(PeerBotApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<HandoffAlert>().Where(a => a.HandoffId == id && a.Channel == "sms").OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task CrisisHandoff_PagesOnCallPhone_TierAndLinkOnly_Recorded()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 1), "paged");
        var page = Assert.Single(twilio.BodiesTo(OnCall));
        Assert.Equal($"PeerBot on-call: crisis handoff new, waiting for a peer. Claim it: https://peerbot.example.org/console/#handoff={handoff.Id}", page);
        Assert.DoesNotContain("kill", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FakeTwilio.FromNumber, twilio.Received.Single().Form["From"]);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1, "page recorded");
        var alert = Assert.Single(await SmsAlertsAsync(app, handoff.Id));
        Assert.True(alert.Delivered);
        Assert.Equal(AlertKind.Opened, alert.Kind);
        Assert.Equal(1, alert.Recipients);
        Assert.Equal(handoff.CreatedAt, alert.At);
        Assert.False(app.Logs.Contains("0002222"));
    }

    [Fact]
    public async Task RequestedHandoff_NoPage()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);

        var handoff = await app.RequestPeerAsync(new ActivityBuilder());

        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<HandoffAlert>().AnyAsync(a => a.HandoffId == handoff.Id)));
        await Task.Delay(200);
        Assert.Empty(twilio.Received);
        Assert.Empty(await SmsAlertsAsync(app, handoff.Id));
    }

    [Fact]
    public async Task UnclaimedCrisis_RepagedAtLimit_AndAtEscalation_ButNotOnceClaimed()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        var client = new ActivityBuilder();
        using (await app.SendAsync(client.Message(Crisis))) { }
        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 1));

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 2), "re-paged at the crisis limit");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 3), "paged at escalation");

        var pages = twilio.BodiesTo(OnCall);
        Assert.StartsWith("PeerBot on-call: crisis handoff still unclaimed after 2 min.", pages[1], StringComparison.Ordinal);
        Assert.StartsWith("PeerBot on-call: crisis handoff ESCALATED, unclaimed after 4 min.", pages[2], StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 3);
        Assert.Equal([AlertKind.Opened, AlertKind.Renotify, AlertKind.Escalated], (await SmsAlertsAsync(app, handoff.Id)).Select(a => a.Kind));

        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await Task.Delay(300);
        Assert.Equal(3, twilio.BodiesTo(OnCall).Count);
    }

    [Fact]
    public async Task OnCallNumberTextedStop_NotPaged_RecordedUndelivered()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        using var http = app.CreateClient();
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(OnCall, "STOP", "SM1"))) { }
        var confirmations = twilio.Received.Count;
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1, "page recorded");
        var alert = Assert.Single(await SmsAlertsAsync(app, handoff.Id));
        Assert.False(alert.Delivered);
        Assert.Equal(confirmations, twilio.Received.Count);
        Assert.DoesNotContain(twilio.BodiesTo(OnCall), b => b.StartsWith("PeerBot on-call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CarrierRefuses21610_EntersOptOutLedger_NextPageSuppressed()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        twilio.FailNext(1, TwilioMessagesClient.UnsubscribedRecipient);
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1);
        Assert.False((await SmsAlertsAsync(app, handoff.Id)).Single().Delivered);
        var ledger = await app.WithDbAsync(db => db.Set<SmsConsentEntry>().ToListAsync());
        var entry = Assert.Single(ledger);
        Assert.Equal(SmsChannel.NumberHash(OnCall), entry.NumberHash);
        Assert.Equal(SmsKeywordKind.OptOut, entry.Action);

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 2, "re-page attempted");
        Assert.False((await SmsAlertsAsync(app, handoff.Id))[1].Delivered);
        Assert.Empty(twilio.Received);
    }

    [Fact]
    public async Task TwilioFailsOnce_PageTriedAgainAtOnce_Delivered()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        twilio.FailNext(1);
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1);
        Assert.True((await SmsAlertsAsync(app, handoff.Id)).Single().Delivered);
        Assert.Single(twilio.BodiesTo(OnCall));
    }

    [Fact]
    public async Task TwilioDown_PageRecordedUndelivered_RepagedAtLimit()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio);
        twilio.FailNext(2);
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1);
        Assert.False((await SmsAlertsAsync(app, handoff.Id)).Single().Delivered);
        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 1), "re-paged when Twilio is back");
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count(a => a.Delivered) == 1);
    }

    [Fact]
    public async Task RosterByTimeOfDay_OnlyTheNumberOnDutyIsPaged()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        // The manual clock starts at 15:00 UTC, which is 10:00 in New York (December).
        await using var app = NewApp(twilio, new()
        {
            ["PeerBot:Handoff:OnCallTimeZone"] = "America/New_York",
            ["PeerBot:Handoff:OnCall:0:From"] = "08:00",
            ["PeerBot:Handoff:OnCall:0:To"] = "20:00",
            ["PeerBot:Handoff:OnCall:1:Phone"] = Night,
            ["PeerBot:Handoff:OnCall:1:From"] = "20:00",
            ["PeerBot:Handoff:OnCall:1:To"] = "08:00",
        });

        using (await app.SendAsync(new ActivityBuilder().Message(Crisis))) { }
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(OnCall).Count == 1), "day number paged");
        app.Clock.Advance(TimeSpan.FromHours(11)); // 21:00 in New York
        using (await app.SendAsync(new ActivityBuilder().Message(Crisis))) { }
        // The first handoff's escalation may reach the night number first; wait for the new handoff's page itself.
        await Eventually.TrueAsync(() => Task.FromResult(twilio.BodiesTo(Night).Any(b => b.Contains("new, waiting", StringComparison.Ordinal))),
            "night number paged for the new handoff");

        Assert.Single(twilio.BodiesTo(Night), b => b.Contains("new, waiting", StringComparison.Ordinal));
        Assert.Single(twilio.BodiesTo(OnCall), b => b.Contains("new, waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RosterWithNobodyOnDuty_RecordedAsUndeliveredToNobody()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio, new()
        {
            ["PeerBot:Handoff:OnCall:0:From"] = "20:00",
            ["PeerBot:Handoff:OnCall:0:To"] = "08:00",
        });
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(async () => (await SmsAlertsAsync(app, handoff.Id)).Count == 1);
        var alert = (await SmsAlertsAsync(app, handoff.Id)).Single();
        Assert.False(alert.Delivered);
        Assert.Equal(0, alert.Recipients);
        Assert.Empty(twilio.Received);
    }

    [Theory]
    [InlineData("555-0002", null, null)]
    [InlineData("+15550002222", "08:00", null)]
    [InlineData("+15550002222", "08:00", "08:00")]
    public async Task InvalidRosterEntry_AppRefusesToStart(string phone, string? from, string? to)
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = NewApp(twilio, new()
        {
            ["PeerBot:Handoff:OnCall:0:Phone"] = phone,
            ["PeerBot:Handoff:OnCall:0:From"] = from,
            ["PeerBot:Handoff:OnCall:0:To"] = to,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient().Dispose());
        Assert.Contains("PeerBot:Handoff:OnCall", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0002222", error.ToString(), StringComparison.Ordinal);
    }
}
