using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Conversations;

namespace PeerBot.Channels.DirectLine;

/// <summary>Client activities in: echo them to the conversation (as Direct Line does) and run the bot's turn.</summary>
internal static class DirectLineTurns
{
    public static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineStore store, DirectLineSecret secret,
        IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        if (!DirectLineEndpoints.Authorized(request, conversation, secret))
            return TypedResults.Unauthorized();

        Activity? posted;
        try
        {
            posted = await JsonSerializer.DeserializeAsync<Activity>(request.Body, BotJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.Problem("The body is not a valid activity.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (posted is null || string.IsNullOrWhiteSpace(posted.Type))
            return TypedResults.Problem("The activity has no type.", statusCode: StatusCodes.Status400BadRequest);

        var userId = string.IsNullOrWhiteSpace(posted.From?.Id) ? conversation.UserId : posted.From.Id;
        posted.From = new ChannelAccount { Id = userId, Name = posted.From?.Name, Role = "user" };
        posted.Conversation = new ConversationAccount { Id = conversation.Id };
        posted.ChannelId = "directline";
        var id = conversation.Append(posted, clock.GetUtcNow());

        var botFacing = BotFacing(request, conversation,
            JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(posted, BotJson.Options), BotJson.Options)!);
        botFacing.Id = id;
        if (posted.Type == ActivityTypes.Message || posted.Type == ActivityTypes.Event || posted.Type == ActivityTypes.Invoke)
            await DeliverAsync(scopes, botFacing, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(id));
    }

    public static Activity BotFacing(HttpRequest request, DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = "directline";
        activity.ServiceUrl = $"{request.Scheme}://{request.Host}/";
        activity.From ??= new ChannelAccount { Id = conversation.UserId, Role = "user" };
        activity.Recipient = new ChannelAccount { Id = "peerbot", Name = "PeerBot", Role = "bot" };
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        if (string.IsNullOrWhiteSpace(activity.Locale))
            activity.Locale = request.Headers.AcceptLanguage.ToString().Split(',')[0] is { Length: > 0 } l ? l.Trim() : "en-US";
        return activity;
    }

    public static async Task DeliverAsync(IServiceScopeFactory scopes, Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<ActivityProcessor>();
        await processor.ProcessAsync(activity, serviceUrlVerified: false, cancellationToken);
    }
}
