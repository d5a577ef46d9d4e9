namespace PeerBot.BotFramework.Schema;

/// <summary>Activity type names (PROTOCOL.md §1.4).</summary>
public static class ActivityTypes
{
    /// <summary>A message.</summary>
    public const string Message = "message";
    /// <summary>Members joined or left.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>Typing indicator.</summary>
    public const string Typing = "typing";
    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
    /// <summary>A named event.</summary>
    public const string Event = "event";
    /// <summary>A request that needs an invoke response.</summary>
    public const string Invoke = "invoke";
    /// <summary>App installed or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>Reaction to a message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>Message edited.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>Message deleted.</summary>
    public const string MessageDelete = "messageDelete";
    /// <summary>Contact added or removed (legacy).</summary>
    public const string ContactRelationUpdate = "contactRelationUpdate";
    /// <summary>Delete user data request (legacy).</summary>
    public const string DeleteUserData = "deleteUserData";
    /// <summary>Trace (Emulator only).</summary>
    public const string Trace = "trace";
    /// <summary>A suggestion for a user (not rendered by most channels).</summary>
    public const string Suggestion = "suggestion";
    /// <summary>Intra-bot handoff concept; channels drop it (not for the wire).</summary>
    public const string Handoff = "handoff";
    /// <summary>A command.</summary>
    public const string Command = "command";
    /// <summary>A command's result.</summary>
    public const string CommandResult = "commandResult";
}
