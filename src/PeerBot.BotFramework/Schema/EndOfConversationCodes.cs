namespace PeerBot.BotFramework.Schema;

/// <summary>Values of <see cref="Activity.Code"/> on endOfConversation.</summary>
public static class EndOfConversationCodes
{
    /// <summary>Unknown.</summary>
    public const string Unknown = "unknown";
    /// <summary>Completed successfully.</summary>
    public const string CompletedSuccessfully = "completedSuccessfully";
    /// <summary>The user cancelled.</summary>
    public const string UserCancelled = "userCancelled";
    /// <summary>The bot timed out.</summary>
    public const string BotTimedOut = "botTimedOut";
    /// <summary>The bot sent an invalid message.</summary>
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    /// <summary>The channel failed.</summary>
    public const string ChannelFailed = "channelFailed";
}
