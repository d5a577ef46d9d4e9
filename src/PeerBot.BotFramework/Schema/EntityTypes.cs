namespace PeerBot.BotFramework.Schema;

/// <summary>Entity type names (PROTOCOL.md §1.3).</summary>
public static class EntityTypes
{
    /// <summary>A mention of an account.</summary>
    public const string Mention = "mention";
    /// <summary>Client information.</summary>
    public const string ClientInfo = "clientInfo";
    /// <summary>A geographic position.</summary>
    public const string GeoCoordinates = "GeoCoordinates";
}
