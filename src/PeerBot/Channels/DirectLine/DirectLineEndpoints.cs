using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;
using PeerBot.Conversations;

namespace PeerBot.Channels.DirectLine;

/// <summary>
/// A Direct Line 3.0 subset (client API, polling) plus the connector routes the bot replies to, like the Emulator
/// does (PROTOCOL.md §6.4): the bot's replies travel through the real <c>ConnectorClient</c> to this host.
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!(options.Enabled ?? environment.IsDevelopment()))
            return app;

        var client = app.MapGroup("/v3/directline/conversations").DisableAntiforgery();
        client.MapPost("/", StartAsync);
        client.MapGet("/{conversationId}/activities", GetActivities);
        client.MapPost("/{conversationId}/activities", PostActivityAsync);

        var connector = app.MapGroup("/v3/conversations").DisableAntiforgery();
        connector.MapPost("/{conversationId}/activities", ReceiveFromBot);
        connector.MapPost("/{conversationId}/activities/{activityId}", ReceiveFromBot);
        return app;
    }

    private static async Task<Results<Created<DirectLineStarted>, UnauthorizedHttpResult>> StartAsync(
        HttpContext http, DirectLineStore store, IOptions<DirectLineOptions> options, IServiceScopeFactory scopes,
        CancellationToken cancellationToken)
    {
        if (options.Value.Secret is { Length: > 0 } secret && !BearerMatches(http.Request, secret))
            return TypedResults.Unauthorized();

        var conversation = store.Start();
        var update = BotFacing(http.Request, conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = conversation.UserId }],
        });
        update.Id = "cu-" + conversation.Id;
        await DeliverAsync(scopes, update, cancellationToken);
        return TypedResults.Created($"/v3/directline/conversations/{conversation.Id}",
            new DirectLineStarted(conversation.Id, conversation.Token, 1800, conversation.UserId));
    }

    private static Results<Ok<ActivitySet>, UnauthorizedHttpResult, NotFound> GetActivities(
        string conversationId, int? watermark, HttpRequest request, DirectLineStore store, TimeProvider clock)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        if (!BearerMatches(request, conversation.Token))
            return TypedResults.Unauthorized();
        var (activities, next) = conversation.Since(watermark ?? 0, clock.GetUtcNow());
        return TypedResults.Ok(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineStore store, IServiceScopeFactory scopes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        if (!BearerMatches(request, conversation.Token))
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

        posted.From = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        posted.Conversation = new ConversationAccount { Id = conversation.Id };
        var id = conversation.Append(posted, clock.GetUtcNow());

        var botFacing = BotFacing(request, conversation, JsonSerializer.Deserialize<Activity>(
            JsonSerializer.Serialize(posted, BotJson.Options), BotJson.Options)!);
        botFacing.Id = id;
        await DeliverAsync(scopes, botFacing, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(id));
    }

    private static async Task<Results<Ok<ResourceResponse>, NotFound, ForbidHttpResult, BadRequest>> ReceiveFromBot(
        string conversationId, HttpContext http, DirectLineStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Only this host's own bot reaches these routes: loopback callers (or the in-memory test server).
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
            return TypedResults.Forbid();
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, cancellationToken);
        if (activity is null)
            return TypedResults.BadRequest();
        activity.From ??= new ChannelAccount { Id = "peerbot", Role = "bot" };
        var id = conversation.Append(activity, clock.GetUtcNow());
        return TypedResults.Ok(new ResourceResponse(id));
    }

    private static Activity BotFacing(HttpRequest request, DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = "directline";
        activity.ServiceUrl = $"{request.Scheme}://{request.Host}/";
        activity.From = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        activity.Recipient = new ChannelAccount { Id = "peerbot", Name = "PeerBot", Role = "bot" };
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Locale ??= request.Headers.AcceptLanguage.ToString().Split(',')[0] is { Length: > 0 } l ? l : "en-US";
        return activity;
    }

    private static async Task DeliverAsync(IServiceScopeFactory scopes, Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<ActivityProcessor>();
        await processor.ProcessAsync(activity, serviceUrlVerified: false, cancellationToken);
    }

    private static bool BearerMatches(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(expected));
    }
}

/// <summary>Answer to starting a conversation (Direct Line 3.0 shape, plus the user id the page should use).</summary>
public sealed record DirectLineStarted(string ConversationId, string Token, int ExpiresIn, string UserId);

/// <summary>Answer to polling (Direct Line 3.0 shape).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
