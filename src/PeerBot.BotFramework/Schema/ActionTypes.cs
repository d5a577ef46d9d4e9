namespace PeerBot.BotFramework.Schema;

/// <summary>Card action types (PROTOCOL.md §1.3).</summary>
public static class ActionTypes
{
    /// <summary>Posts the value as the user's text, visible in the chat.</summary>
    public const string ImBack = "imBack";
    /// <summary>Posts the value as text without showing it.</summary>
    public const string PostBack = "postBack";
    /// <summary>Sends text and value, shows displayText.</summary>
    public const string MessageBack = "messageBack";
    /// <summary>Opens a URL.</summary>
    public const string OpenUrl = "openUrl";
    /// <summary>Starts a call (tel: URL).</summary>
    public const string Call = "call";
}
