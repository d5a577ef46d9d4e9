namespace PeerBot.Dialogs;

public sealed record DialogTurnResult(IReadOnlyList<OutgoingMessage> Messages, IReadOnlyList<DialogEvent> Events);

/// <summary>The payload of <see cref="DialogEngine.TurnEventName"/>: a turn's events under the opaque conversation key.</summary>
public sealed record DialogTurnObserved(string ConversationKey, IReadOnlyList<DialogEvent> Events);
