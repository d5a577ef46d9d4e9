using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.DirectLine;

/// <summary>
/// A Direct Line 3.0 subset (client API with polling and a WebSocket stream) plus the connector routes the bot
/// replies to, as the Emulator does (PROTOCOL.md §6.4): the bot's replies travel through the real
/// <c>ConnectorClient</c> back to this host.
/// </summary>
public static class DirectLineEndpoints
{
    private const int TokenLifetimeSeconds = 1800;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!(options.Enabled ?? environment.IsDevelopment()))
            return app;

        var directLine = app.MapGroup("/v3/directline").DisableAntiforgery();
        directLine.MapPost("/tokens/generate", Generate);
        directLine.MapPost("/tokens/refresh", Refresh);
        directLine.MapPost("/conversations", StartAsync);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineTurns.PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStream.StreamAsync);

        // The page at / asks this host for a token, so the secret never reaches a browser.
        app.MapPost("/webchat/token", (HttpRequest request, DirectLineStore store) => Token(request, store.Create()));

        var connector = app.MapGroup("/v3/conversations").DisableAntiforgery();
        connector.MapPost("/{conversationId}/activities", ReceiveFromBotAsync);
        connector.MapPost("/{conversationId}/activities/{activityId}", ReceiveFromBotAsync);
        return app;
    }

    private static Results<Ok<DirectLineSession>, UnauthorizedHttpResult> Generate(
        HttpRequest request, DirectLineStore store, DirectLineSecret secret) =>
        BearerMatches(request, secret.Value)
            ? TypedResults.Ok(Token(request, store.Create()))
            : TypedResults.Unauthorized();

    private static Results<Ok<DirectLineSession>, UnauthorizedHttpResult> Refresh(HttpRequest request, DirectLineStore store) =>
        Bearer(request) is { } token && store.FindByToken(token) is { } conversation
            ? TypedResults.Ok(Token(request, conversation))
            : TypedResults.Unauthorized();

    private static async Task<Results<Created<DirectLineSession>, UnauthorizedHttpResult>> StartAsync(
        HttpRequest request, DirectLineStore store, DirectLineSecret secret, IServiceScopeFactory scopes,
        CancellationToken cancellationToken)
    {
        var bearer = Bearer(request);
        DirectLineConversation? conversation = null;
        if (bearer is not null && FixedEquals(bearer, secret.Value))
            conversation = store.Create();
        else if (bearer is not null)
            conversation = store.FindByToken(bearer);
        if (conversation is null)
            return TypedResults.Unauthorized();

        if (!conversation.Started)
        {
            conversation.Started = true;
            var update = DirectLineTurns.BotFacing(request, conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                MembersAdded = [new ChannelAccount { Id = conversation.UserId }],
            });
            update.Id = "cu-" + conversation.Id;
            await DirectLineTurns.DeliverAsync(scopes, update, cancellationToken);
        }
        return TypedResults.Created($"/v3/directline/conversations/{conversation.Id}", Session(request, conversation));
    }

    private static Results<Ok<DirectLineSession>, UnauthorizedHttpResult, NotFound> Reconnect(
        string conversationId, HttpRequest request, DirectLineStore store, DirectLineSecret secret)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        return Authorized(request, conversation, secret) ? TypedResults.Ok(Session(request, conversation)) : TypedResults.Unauthorized();
    }

    private static Results<JsonHttpResult<ActivitySet>, UnauthorizedHttpResult, NotFound> GetActivities(
        string conversationId, string? watermark, HttpRequest request, DirectLineStore store, DirectLineSecret secret, TimeProvider clock)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        if (!Authorized(request, conversation, secret))
            return TypedResults.Unauthorized();
        var (activities, next, _) = conversation.Since(ParseWatermark(watermark), clock.GetUtcNow());
        return TypedResults.Json(new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
    }

    private static async Task<Results<Ok<ResourceResponse>, NotFound, ForbidHttpResult, BadRequest>> ReceiveFromBotAsync(
        string conversationId, HttpContext http, DirectLineStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Only this host's own bot reaches these routes: loopback callers (or the in-memory test server).
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
            return TypedResults.Forbid();
        var conversation = store.Find(conversationId);
        if (conversation is null)
            return TypedResults.NotFound();
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
        if (activity is null)
            return TypedResults.BadRequest();
        activity.From ??= new ChannelAccount { Id = "peerbot", Role = "bot" };
        var id = conversation.Append(activity, clock.GetUtcNow());
        return TypedResults.Ok(new ResourceResponse(id));
    }

    internal static int ParseWatermark(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    internal static bool Authorized(HttpRequest request, DirectLineConversation conversation, DirectLineSecret secret) =>
        Bearer(request) is { } bearer && (FixedEquals(bearer, conversation.Token) || FixedEquals(bearer, secret.Value));

    internal static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static bool BearerMatches(HttpRequest request, string expected) =>
        Bearer(request) is { } bearer && FixedEquals(bearer, expected);

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    private static DirectLineSession Token(HttpRequest request, DirectLineConversation conversation) =>
        new(conversation.Id, conversation.Token, TokenLifetimeSeconds, null, conversation.UserId);

    private static DirectLineSession Session(HttpRequest request, DirectLineConversation conversation)
    {
        var scheme = request.Scheme == "https" ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}/v3/directline/conversations/{conversation.Id}/stream?t={Uri.EscapeDataString(conversation.Token)}";
        return new DirectLineSession(conversation.Id, conversation.Token, TokenLifetimeSeconds, streamUrl, conversation.UserId);
    }
}

/// <summary>A conversation's credentials (Direct Line 3.0 shape, plus the user id the page should use).</summary>
public sealed record DirectLineSession(
    [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
    [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("streamUrl")] string? StreamUrl,
    [property: System.Text.Json.Serialization.JsonPropertyName("userId")] string UserId);

/// <summary>Answer to polling and stream messages (Direct Line 3.0 shape).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
