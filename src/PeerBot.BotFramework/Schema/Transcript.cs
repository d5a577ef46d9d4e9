namespace PeerBot.BotFramework.Schema;

/// <summary>A list of activities: send-history body and handoff transcript attachment content.</summary>
public sealed class Transcript
{
    /// <summary>The activities, oldest first.</summary>
    public IList<Activity> Activities { get; set; } = [];
}
