using System.ComponentModel.DataAnnotations;

namespace PeerBot.Channels.Sms;

/// <summary>
/// The direct Twilio webhook (<c>POST /api/sms/twilio</c>) for deployments without Azure Bot Service. Off until
/// <see cref="AccountSid"/> and <see cref="AuthToken"/> are set.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "PeerBot:Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>Our Twilio number (E.164), or a Messaging Service SID (<c>MG…</c>).</summary>
    public string? FromNumber { get; set; }

    /// <summary>Twilio's REST API root; tests point it at a loopback server.</summary>
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>
    /// The public root Twilio calls (e.g. <c>https://bot.example.org</c>). The signature covers the exact public URL,
    /// so behind a proxy set this; when empty the request's own scheme and host are used. Also used to build the
    /// status callback URL.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
