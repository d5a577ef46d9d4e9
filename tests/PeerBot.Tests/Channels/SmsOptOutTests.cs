using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Scheduling;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>Opt-out through the direct Twilio webhook and through Azure Bot Service's <c>sms</c> channel.</summary>
public sealed class SmsOptOutTests
{
    private const string Number = "+15559876543";

    public static TheoryData<string> OptOutWords() => new("STOP", "stopall", "Unsubscribe", "CANCEL", "end", "QUIT", "revoke", "OPTOUT", " stop. ");

    [Theory, MemberData(nameof(OptOutWords))]
    public async Task OptOutKeyword_Direct_LedgerByHashAndOneConfirmation(string word)
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();

        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, word, "SM1"))) { }
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, word, "SM2"))) { }

        var confirmation = Assert.Single(twilio.BodiesTo(Number));
        Assert.Contains("unsubscribed", confirmation, StringComparison.OrdinalIgnoreCase);
        var ledger = await app.WithDbAsync(db => db.Set<SmsConsentEntry>().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, ledger.Count);
        Assert.All(ledger, e => Assert.Equal(SmsChannel.NumberHash(Number), e.NumberHash));
        Assert.All(ledger, e => Assert.Equal(SmsKeywordKind.OptOut, e.Action));
        Assert.All(ledger, e => Assert.DoesNotContain("9876543", e.NumberHash, StringComparison.Ordinal));
        Assert.Equal(word.Trim().TrimEnd('.').ToUpperInvariant(), ledger[0].Keyword);
        Assert.False(app.Logs.Contains("9876543"));
    }

    [Fact]
    public async Task OptedOut_Direct_DialogReplyNeverSent_StartOptsBackIn()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "STOP", "SM1"))) { }

        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM2"))) { }
        Assert.Single(twilio.BodiesTo(Number));

        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "START", "SM3"))) { }
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM4"))) { }

        var bodies = twilio.BodiesTo(Number);
        Assert.Equal(3, bodies.Count);
        Assert.Contains("subscribed again", bodies[1], StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "sent or suppressed rows are deleted");
    }

    [Fact]
    public async Task Help_Direct_ProgramPersonAnd988_EvenWhenOptedOut()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        var settings = twilio.Settings();
        settings["PeerBot:Sms:ProgramName"] = "Harbor Peers";
        settings["PeerBot:Sms:Contact"] = "555-0100";
        await using var app = new PeerBotApp(settings);
        using var http = app.CreateClient();

        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "HELP", "SM1"))) { }
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "STOP", "SM2"))) { }
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "info", "SM3"))) { }

        var bodies = twilio.BodiesTo(Number);
        Assert.Equal(3, bodies.Count);
        foreach (var help in new[] { bodies[0], bodies[2] })
        {
            Assert.Contains("Harbor Peers", help, StringComparison.Ordinal);
            Assert.Contains("988", help, StringComparison.Ordinal);
            Assert.Contains("PEER", help, StringComparison.Ordinal);
            Assert.Contains("555-0100", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OptedOut_Abs_OutboxRetryOfEarlierReplyNeverSent()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?> { ["PeerBot:Scheduling:Enabled"] = "false" });
        var sms = new ActivityBuilder("sms", Number);
        app.Connector.FailNext(1);
        using (await app.SendAsync(FromNumber(sms.Message("hello")))) { }
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) >= 1);

        using (await app.SendAsync(FromNumber(sms.Message("STOP")))) { }
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "the old reply is dropped");
        var texts = app.Connector.TextsTo(Number);
        var only = Assert.Single(texts);
        Assert.Contains("unsubscribed", only, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OptedOut_Abs_PeerMessageThroughOutboxNeverSent()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?> { ["PeerBot:Scheduling:Enabled"] = "false" });
        var sms = new ActivityBuilder("sms", Number);
        using (await app.SendAsync(FromNumber(sms.Message("STOP")))) { }
        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.Key).SingleAsync());
        var before = app.Connector.Sent.Count;

        await app.WithDbAsync(async db =>
        {
            ReplyOutbox.Enqueue(db, key, [new Activity { Type = ActivityTypes.Message, Text = "Hi, it's Sam from the peer team." }], null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var sent = await app.Service<ReplyOutbox>().DispatchAsync(key, CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Equal(before, app.Connector.Sent.Count);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "sent or suppressed rows are deleted");
    }

    [Fact]
    public async Task OptedOut_Direct_ScheduledCheckInNeverSent()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM1"))) { }
        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.Key).SingleAsync());
        await ScheduleAsync(app, key, new DialogEvent.ScheduleRequested("check-in", new TimeOnly(11, 0), [], "America/New_York"));
        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "STOP", "SM2"))) { }
        var before = twilio.Received.Count;

        app.Clock.Advance(TimeSpan.FromHours(1));
        var result = await app.Service<ScheduleDispatcher>().RunDueAsync(CancellationToken.None);

        Assert.Equal(1, result.Claimed);
        Assert.Equal(0, result.Sent);
        Assert.Equal(1, result.Suppressed);
        Assert.Equal(before, twilio.Received.Count);
    }

    [Fact]
    public async Task CarrierRefusal21610_Direct_RecordedAndNotRetried()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        twilio.FailNext(1, TwilioMessagesClient.UnsubscribedRecipient);

        using (await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM1"))) { }

        Assert.Empty(twilio.Received);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "sent or suppressed rows are deleted");
        var entry = await app.WithDbAsync(db => db.Set<SmsConsentEntry>().SingleAsync());
        Assert.Equal("CARRIER-21610", entry.Keyword);
    }

    internal static async Task ScheduleAsync(PeerBotApp app, string key, DialogEvent.ScheduleRequested request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<CheckInScheduler>().ScheduleAsync(key, request, CancellationToken.None);
        Assert.NotNull(entry);
        await scope.ServiceProvider.GetRequiredService<PeerBotDb>().SaveChangesAsync();
    }

    private static Activity FromNumber(Activity activity)
    {
        activity.From = new ChannelAccount { Id = Number };
        return activity;
    }
}
