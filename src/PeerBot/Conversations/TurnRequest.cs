using PeerBot.BotFramework.Schema;
using PeerBot.Dialogs;

namespace PeerBot.Conversations;

/// <summary>An authenticated, validated activity ready for a turn.</summary>
public sealed record TurnRequest(Activity Activity, DialogInputKind Kind, bool ServiceUrlVerified, bool ExpectReplies);
