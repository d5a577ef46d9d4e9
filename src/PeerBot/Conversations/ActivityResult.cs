namespace PeerBot.Conversations;

/// <summary>What <c>POST /api/messages</c> answers: a status and an optional JSON body.</summary>
public sealed record ActivityResult(int StatusCode, object? Body)
{
    public static ActivityResult Ok { get; } = new(StatusCodes.Status200OK, null);
}
