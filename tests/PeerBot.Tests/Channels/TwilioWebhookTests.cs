using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class TwilioWebhookTests
{
    private const string Number = "+15557654321";

    [Fact]
    public async Task Webhook_SignedMessage_RunsTurnAndRepliesThroughTwilioRest()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();

        using var response = await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM0001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Response>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(twilio.Received); // the welcome, split into SMS-sized messages
        var sent = twilio.Received.First();
        Assert.Equal(Number, sent.Form["To"]);
        Assert.Equal(FakeTwilio.FromNumber, sent.Form["From"]);
        Assert.False(string.IsNullOrWhiteSpace(sent.Form["Body"]));
        Assert.Equal(FakeTwilio.AccountSid, sent.AccountSid);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}"));
        Assert.Equal("Basic " + basic, sent.Authorization);
        Assert.Empty(app.Connector.Sent);
        Assert.False(app.Logs.Contains("5557654321"));
        Assert.False(app.Logs.Contains("hello"));
    }

    [Fact]
    public async Task Webhook_BadOrMissingSignature_403AndNoTurn()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var form = TwilioWebhook.Message(Number, "hello", "SM0002");
        var goodSignature = TwilioSignature.Compute(FakeTwilio.AuthToken, TwilioWebhook.Url,
            form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
        var tampered = form.Select(f => f.Key == "Body" ? new KeyValuePair<string, string>("Body", "changed") : f).ToList();

        using var bad = await TwilioWebhook.PostAsync(http, form, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        using var missing = await TwilioWebhook.PostAsync(http, form, signature: "");
        using var changedBody = await TwilioWebhook.PostAsync(http, tampered, signature: goodSignature);

        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changedBody.StatusCode);
        Assert.Empty(twilio.Received);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }

    [Fact]
    public async Task Webhook_ReplayedMessageSid_OneTurnOneReply()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var form = TwilioWebhook.Message(Number, "hello", "SM0003");

        using var first = await TwilioWebhook.PostAsync(http, form);
        var afterFirst = twilio.Received.Count;
        using var second = await TwilioWebhook.PostAsync(http, form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, twilio.Received.Count);
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal(1, record.Version);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("MessageSid")]
    public async Task Webhook_MissingField_400NotServerError(string field)
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var form = TwilioWebhook.Message(Number, "hello", "SM0004")
            .Where(f => f.Key != field && !(field == "MessageSid" && f.Key is "SmsSid" or "SmsMessageSid")).ToList();

        using var response = await TwilioWebhook.PostAsync(http, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(twilio.Received);
    }

    [Fact]
    public async Task Webhook_BodyOf1600Characters_AnsweredNormally()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var body = string.Concat(Enumerable.Repeat("a long day at work. ", 80));

        using var response = await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, body, "SM0005"));

        Assert.Equal(1600, body.Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(twilio.Received);
    }

    [Fact]
    public async Task Webhook_MmsWithoutText_AsksForText()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var form = TwilioWebhook.Message(Number, "", "MM0006")
            .Where(f => f.Key != "NumMedia").ToList();
        form.AddRange([new("NumMedia", "1"), new("MediaContentType0", "image/jpeg"), new("MediaUrl0", "https://api.twilio.com/media/ME1")]);

        using var response = await TwilioWebhook.PostAsync(http, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only read text", Assert.Single(twilio.BodiesTo(Number)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Webhook_BadNumMediaOrNotAForm_4xx()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        var form = TwilioWebhook.Message(Number, "hi", "SM0007").Where(f => f.Key != "NumMedia").Append(new("NumMedia", "lots")).ToList();

        using var badMedia = await TwilioWebhook.PostAsync(http, form);
        using var json = await http.PostAsync(new Uri(TwilioWebhook.Url), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, badMedia.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
    }

    [Fact]
    public async Task Webhook_TwilioNotConfigured_404()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        using var response = await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM0008"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_TwilioDown_ReplyRetriedFromOutbox()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        twilio.FailNext(1);

        using var response = await TwilioWebhook.PostAsync(http, TwilioWebhook.Message(Number, "hello", "SM0009"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(twilio.Received);
        var queued = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync());
        Assert.True(queued >= 1);

        app.Clock.Advance(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => Task.FromResult(twilio.Received.Count == queued), "the queued replies are retried");
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0);
    }

    [Fact]
    public async Task StatusCallback_RecordedWithoutBody_21610OptsOut()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var app = new PeerBotApp(twilio.Settings());
        using var http = app.CreateClient();
        List<KeyValuePair<string, string>> delivered = [new("MessageSid", "SM1000"), new("MessageStatus", "delivered"), new("To", Number), new("Body", "private words")];
        List<KeyValuePair<string, string>> refused = [new("MessageSid", "SM1001"), new("MessageStatus", "failed"), new("ErrorCode", "21610"), new("To", Number)];

        using var first = await TwilioWebhook.PostAsync(http, delivered, TwilioWebhook.StatusUrl);
        using var second = await TwilioWebhook.PostAsync(http, refused, TwilioWebhook.StatusUrl);
        using var unsigned = await TwilioWebhook.PostAsync(http, refused, TwilioWebhook.StatusUrl, signature: "nope");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        var statuses = await app.WithDbAsync(db => db.Set<SmsDeliveryStatus>().OrderBy(s => s.MessageSid).ToListAsync());
        Assert.Equal(["delivered", "failed"], statuses.Select(s => s.Status));
        Assert.Equal("21610", statuses[1].ErrorCode);
        var ledger = await app.WithDbAsync(db => db.Set<SmsConsentEntry>().SingleAsync());
        Assert.Equal(SmsChannel.NumberHash(Number), ledger.NumberHash);
        Assert.Equal(SmsKeywordKind.OptOut, ledger.Action);
    }
}
