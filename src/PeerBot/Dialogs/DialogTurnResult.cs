namespace PeerBot.Dialogs;

public sealed record DialogTurnResult(IReadOnlyList<OutgoingMessage> Messages, IReadOnlyList<DialogEvent> Events);
