namespace PeerBot.BotFramework.Schema;

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go through the connector.</summary>
    public const string Normal = "normal";
    /// <summary>Notification delivery.</summary>
    public const string Notification = "notification";
    /// <summary>Replies are returned in the HTTP response body as <c>{"activities":[…]}</c>.</summary>
    public const string ExpectReplies = "expectReplies";
    /// <summary>Ephemeral delivery.</summary>
    public const string Ephemeral = "ephemeral";
}
