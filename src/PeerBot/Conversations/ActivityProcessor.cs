using PeerBot.BotFramework.Schema;
using PeerBot.Channels.Teams;
using PeerBot.Dialogs;

namespace PeerBot.Conversations;

/// <summary>
/// Dispatches an authenticated activity by type (PROTOCOL.md §1.4, §1.5): messages and welcomes run a turn,
/// invokes get an invoke response (501 when unhandled), <c>expectReplies</c> returns the replies in the body.
/// </summary>
public sealed class ActivityProcessor(TurnPipeline pipeline)
{
    public async Task<ActivityResult> ProcessAsync(Activity activity, bool serviceUrlVerified, CancellationToken cancellationToken)
    {
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        TeamsInbound.Normalize(activity); // Teams: tenant id into the reference, the bot's @mention out of the text
        IReadOnlyList<Activity> replies = [];
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                replies = await pipeline.RunAsync(new TurnRequest(activity, DialogInputKind.Message, serviceUrlVerified, expectReplies), cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when SomeoneElseJoined(activity):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                replies = await pipeline.RunAsync(new TurnRequest(activity, DialogInputKind.Welcome, serviceUrlVerified, expectReplies), cancellationToken);
                break;
            case ActivityTypes.Invoke when TeamsInbound.IsCardAction(activity):
                // Adaptive Card Action.Execute: a message turn with the submitted data; replies go out as messages.
                await pipeline.RunAsync(new TurnRequest(TeamsInbound.AsMessage(activity), DialogInputKind.Message, serviceUrlVerified, false), cancellationToken);
                return new ActivityResult(StatusCodes.Status200OK, AdaptiveCards.InvokeResponse(activity.Locale ?? "en-US"));
            case ActivityTypes.Invoke:
                return new ActivityResult(StatusCodes.Status501NotImplemented, null);
        }

        return expectReplies
            ? new ActivityResult(StatusCodes.Status200OK, new ExpectedReplies(replies))
            : ActivityResult.Ok;
    }

    private static bool SomeoneElseJoined(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && m.Id != activity.Recipient?.Id) == true;
}

/// <summary>The body of an <c>expectReplies</c> response.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
