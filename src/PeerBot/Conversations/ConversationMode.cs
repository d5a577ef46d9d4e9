namespace PeerBot.Conversations;

/// <summary>Who is talking to the client (DESIGN.md decision 4).</summary>
public enum ConversationMode
{
    Bot = 0,
    WaitingForPeer = 1,
    WithPeer = 2,
}
