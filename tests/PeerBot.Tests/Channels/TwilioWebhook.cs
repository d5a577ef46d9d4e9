using PeerBot.Channels.Sms;

namespace PeerBot.Tests.Channels;

/// <summary>Posts signed (or tampered) incoming-message webhooks to a PeerBot test host, as Twilio would.</summary>
public static class TwilioWebhook
{
    public const string Url = "http://localhost" + TwilioEndpoints.MessagePath;
    public const string StatusUrl = "http://localhost" + TwilioEndpoints.StatusPath;

    public static List<KeyValuePair<string, string>> Message(string from, string body, string sid) =>
    [
        new("ToCountry", "US"), new("SmsMessageSid", sid), new("NumMedia", "0"), new("SmsSid", sid),
        new("SmsStatus", "received"), new("Body", body), new("To", FakeTwilio.FromNumber), new("NumSegments", "1"),
        new("MessageSid", sid), new("AccountSid", FakeTwilio.AccountSid), new("From", from), new("ApiVersion", "2010-04-01"),
    ];

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, IEnumerable<KeyValuePair<string, string>> form, string url = Url, string? signature = null)
    {
        var fields = form.ToList();
        signature ??= TwilioSignature.Compute(FakeTwilio.AuthToken, url,
            fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await client.SendAsync(request);
    }
}
