namespace PeerBot.Dialogs;

/// <summary>
/// A channel-neutral bot message: text plus optional choices. <see cref="Channels.ReplyRenderer"/> turns it into
/// activities for the client's channel (numbered options on SMS, suggested actions on web and Teams).
/// </summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<string> Choices)
{
    /// <summary>The line SMS adds under numbered choices, in the client's language ("Reply 1, 2 or 3.").</summary>
    public string? ReplyHint { get; init; }

    public static OutgoingMessage Plain(string text) => new(text, []);
}
