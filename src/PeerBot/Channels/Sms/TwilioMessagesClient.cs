using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PeerBot.Channels.Sms;

/// <summary>
/// Twilio's REST Messages API: <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form body,
/// basic auth. Outcomes are values; only the caller decides what to retry.
/// </summary>
public sealed class TwilioMessagesClient(HttpClient http, IOptionsMonitor<TwilioOptions> options)
{
    /// <summary>Twilio error 21610: the recipient texted STOP; Twilio refuses to send until they text START.</summary>
    public const int UnsubscribedRecipient = 21610;

    public async Task<TwilioSendOutcome> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(settings.FromNumber))
            return new TwilioSendOutcome(TwilioSendStatus.NotConfigured, null, null, null);

        var form = new List<KeyValuePair<string, string>>
        {
            new("To", to),
            new(settings.FromNumber.StartsWith("MG", StringComparison.Ordinal) ? "MessagingServiceSid" : "From", settings.FromNumber),
            new("Body", body),
        };
        if (!string.IsNullOrWhiteSpace(settings.PublicBaseUrl))
            form.Add(new("StatusCallback", settings.PublicBaseUrl.TrimEnd('/') + TwilioEndpoints.StatusPath));

        var url = new Uri($"{settings.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid!)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return new TwilioSendOutcome(TwilioSendStatus.Retry, null, null, null);
        }

        using (response)
        {
            var (sid, code) = await ReadAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new TwilioSendOutcome(TwilioSendStatus.Sent, sid, null, status);
            if (code == UnsubscribedRecipient)
                return new TwilioSendOutcome(TwilioSendStatus.Unsubscribed, null, code, status);
            return new TwilioSendOutcome(TwilioSendStatus.Retry, null, code, status);
        }
    }

    private static async Task<(string? Sid, int? Code)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            var root = json.RootElement;
            var sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            return (sid, code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}

public enum TwilioSendStatus
{
    Sent,
    /// <summary>Network error, 429, 5xx or an unexpected 4xx: keep it queued.</summary>
    Retry,
    /// <summary>21610: the number opted out at the carrier.</summary>
    Unsubscribed,
    NotConfigured,
}

public sealed record TwilioSendOutcome(TwilioSendStatus Status, string? MessageSid, int? ErrorCode, int? HttpStatus);
