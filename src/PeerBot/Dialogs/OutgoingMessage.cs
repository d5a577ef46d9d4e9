namespace PeerBot.Dialogs;

/// <summary>
/// A channel-neutral bot message: text plus optional choices. <see cref="Channels.ReplyRenderer"/> turns it into
/// activities for the client's channel (numbered options on SMS, suggested actions on web and Teams).
/// </summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<string> Choices)
{
    public static OutgoingMessage Plain(string text) => new(text, []);
}
