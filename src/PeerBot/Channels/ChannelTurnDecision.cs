using PeerBot.Dialogs;

namespace PeerBot.Channels;

/// <summary>
/// What the channel step decided before safety and dialogs: <see cref="Handled"/> ends the turn with
/// <see cref="Replies"/>; <see cref="Compliance"/> replies may reach an opted-out number (STOP confirmation, HELP).
/// </summary>
public sealed record ChannelTurnDecision(bool Handled, IReadOnlyList<OutgoingMessage> Replies, bool Compliance)
{
    public static ChannelTurnDecision Continue { get; } = new(false, [], false);

    public static ChannelTurnDecision Reply(string text, bool compliance = false) =>
        new(true, [OutgoingMessage.Plain(text)], compliance);

    public static ChannelTurnDecision Silent { get; } = new(true, [], false);
}
