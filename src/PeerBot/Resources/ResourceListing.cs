namespace PeerBot.Resources;

/// <summary>One service a client can contact, ready to show (from HSDS or the shipped national lines).</summary>
public sealed record ResourceListing(
    string Name,
    string Description,
    string? Phone,
    string? Sms,
    string? Url,
    string? Address,
    string? Hours,
    bool National);
