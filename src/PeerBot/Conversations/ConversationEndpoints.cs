using Microsoft.AspNetCore.Http.HttpResults;
using PeerBot.BotFramework.Authentication;

namespace PeerBot.Conversations;

public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", PostActivityAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request,
        BotAuthenticator authenticator,
        ActivityProcessor processor,
        ILogger<ActivityProcessor> logger,
        CancellationToken cancellationToken)
    {
        var (activity, status, error) = await ActivityReader.ReadAsync(request, cancellationToken);
        if (activity is null)
        {
            ConversationLog.Rejected(logger, error!);
            return TypedResults.Problem(error, statusCode: status);
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity, cancellationToken);
        if (!auth.Succeeded)
        {
            ConversationLog.Rejected(logger, "authentication");
            return TypedResults.Problem(auth.Error, statusCode: auth.StatusCode);
        }

        activity.CallerId = auth.CallerId; // never trusted from the wire
        var result = await processor.ProcessAsync(activity, serviceUrlVerified: auth.CallerId is not null, cancellationToken);
        return result.Body is null
            ? TypedResults.StatusCode(result.StatusCode)
            : TypedResults.Json(result.Body, BotFramework.Schema.BotJson.Options, statusCode: result.StatusCode);
    }
}
