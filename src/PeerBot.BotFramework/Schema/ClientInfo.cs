namespace PeerBot.BotFramework.Schema;

/// <summary>A <c>clientInfo</c> entity (Teams, Web Chat): where and on what the user's client runs.</summary>
/// <param name="Locale">Client locale (deprecated by the channel; prefer the activity's locale).</param>
/// <param name="Country">Country code.</param>
/// <param name="Platform">Platform, e.g. Windows, Web, iOS.</param>
/// <param name="Timezone">IANA time zone.</param>
public sealed record ClientInfo(string? Locale, string? Country, string? Platform, string? Timezone);
