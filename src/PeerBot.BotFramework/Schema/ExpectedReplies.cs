namespace PeerBot.BotFramework.Schema;

/// <summary>HTTP body returned for an inbound activity with <c>deliveryMode: expectReplies</c> (PROTOCOL.md §1.5).</summary>
public sealed class ExpectedReplies
{
    /// <summary>The replies, in order.</summary>
    public IList<Activity> Activities { get; set; } = [];
}
