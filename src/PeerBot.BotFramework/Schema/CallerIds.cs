namespace PeerBot.BotFramework.Schema;

/// <summary>Values the bot sets in <see cref="Activity.CallerId"/> after authentication (PROTOCOL.md §1.1).</summary>
public static class CallerIds
{
    /// <summary>Public Azure Bot Service channel (and Emulator with credentials).</summary>
    public const string PublicAzureChannel = "urn:botframework:azure";
    /// <summary>US Government Azure Bot Service channel.</summary>
    public const string USGovChannel = "urn:botframework:azureusgov";
}
