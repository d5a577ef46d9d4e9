using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerBot.PeerConsole;

namespace PeerBot.Handoff;

public sealed record PeerMessageRequest(string? Text);
public sealed record TransferRequest(string? PeerId);
public sealed record CloseRequest(string? Outcome, string? Note);
public sealed record DebriefRequest(bool FlagForSupervisor);
public sealed record CloseResponse(HandoffView Handoff, bool DebriefDue);

/// <summary>The handoff JSON API used by the console and integrations (bearer token or console cookie + CSRF header).</summary>
public static class HandoffEndpoints
{
    public const int MaxMessageLength = 2000;

    public static RouteGroupBuilder MapHandoff(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handoffs")
            .RequireAuthorization(PeerAuth.PeerPolicy)
            .AddEndpointFilter(ConsoleCsrf.RequireForCookiesAsync)
            .DisableAntiforgery();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/claim", ClaimAsync);
        group.MapGet("/{id:guid}/messages", MessagesAsync);
        group.MapPost("/{id:guid}/messages", SendAsync);
        group.MapPost("/{id:guid}/transfer", TransferAsync);
        group.MapPost("/{id:guid}/requeue", RequeueAsync);
        group.MapPost("/{id:guid}/close", CloseAsync);
        group.MapPost("/{id:guid}/debrief", DebriefAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<HandoffView>>> ListAsync(
        string? status, ClaimsPrincipal user, HandoffReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(user.ToPeer(), status, cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, HandoffReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.GetAsync(user.ToPeer(), id, cancellationToken);
        return Read(result.Status, result.Value);
    }

    private static async Task<IResult> MessagesAsync(
        Guid id, long? after, ClaimsPrincipal user, HandoffReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.MessagesAsync(user.ToPeer(), id, after ?? 0, cancellationToken);
        return Read(result.Status, result.Value);
    }

    private static async Task<IResult> ClaimAsync(
        Guid id, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader, CancellationToken cancellationToken)
    {
        var result = await desk.ClaimAsync(id, user.ToPeer(), cancellationToken);
        return await DeskAsync(result, reader, cancellationToken);
    }

    private static async Task<IResult> SendAsync(
        Guid id, PeerMessageRequest body, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader,
        CancellationToken cancellationToken)
    {
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"Write a message of 1 to {MaxMessageLength} characters."],
            });
        return await DeskAsync(await desk.SendAsync(id, user.ToPeer(), text, cancellationToken), reader, cancellationToken);
    }

    private static async Task<IResult> TransferAsync(
        Guid id, TransferRequest? body, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader, PeerAccounts accounts,
        CancellationToken cancellationToken)
    {
        var peer = user.ToPeer();
        if (string.IsNullOrWhiteSpace(body?.PeerId))
            return await DeskAsync(await desk.RequeueAsync(id, peer, "transfer", cancellationToken), reader, cancellationToken);
        var target = await accounts.FindAsync(body.PeerId, cancellationToken);
        if (target is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["peerId"] = ["No such peer."] });
        return await DeskAsync(await desk.TransferAsync(id, peer, PeerAccounts.Identity(target), cancellationToken), reader, cancellationToken);
    }

    private static async Task<IResult> RequeueAsync(
        Guid id, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader, CancellationToken cancellationToken) =>
        await DeskAsync(await desk.RequeueAsync(id, user.ToPeer(), "peer", cancellationToken), reader, cancellationToken);

    private static async Task<IResult> CloseAsync(
        Guid id, CloseRequest body, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader, CancellationToken cancellationToken)
    {
        if (!HandoffOutcomes.IsValid(body.Outcome))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["outcome"] = ["Outcome must be one of: " + string.Join(", ", HandoffOutcomes.All) + "."],
            });
        if (body.Note is { Length: > 4000 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["Notes are at most 4000 characters."] });
        var result = await desk.CloseAsync(id, user.ToPeer(), body.Outcome!, body.Note, cancellationToken);
        if (result.Status != DeskStatus.Ok)
            return await DeskAsync(result, reader, cancellationToken);
        var view = (await reader.ViewsAsync([result.Handoff!], cancellationToken))[0];
        return TypedResults.Ok(new CloseResponse(view, result.DebriefDue));
    }

    private static async Task<IResult> DebriefAsync(
        Guid id, DebriefRequest body, ClaimsPrincipal user, HandoffDesk desk, HandoffReader reader, CancellationToken cancellationToken) =>
        await DeskAsync(await desk.DebriefAsync(id, user.ToPeer(), body.FlagForSupervisor, cancellationToken), reader, cancellationToken);

    private static async Task<IResult> DeskAsync(DeskResult result, HandoffReader reader, CancellationToken cancellationToken) =>
        result.Status switch
        {
            DeskStatus.Ok => TypedResults.Ok((await reader.ViewsAsync([result.Handoff!], cancellationToken))[0]),
            DeskStatus.NotFound => TypedResults.NotFound(),
            DeskStatus.Forbidden => TypedResults.Problem("This handoff belongs to another peer.", statusCode: StatusCodes.Status403Forbidden),
            DeskStatus.Taken => TypedResults.Problem("This handoff was already claimed or closed.", statusCode: StatusCodes.Status409Conflict),
            DeskStatus.AtCapacity => TypedResults.Problem("At the caseload cap: close or transfer a conversation first.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem("Not possible in the handoff's current state.", statusCode: StatusCodes.Status409Conflict),
        };

    private static IResult Read<T>(ReadStatus status, T? value) => status switch
    {
        ReadStatus.Ok => TypedResults.Ok(value),
        ReadStatus.Forbidden => TypedResults.Problem("This handoff belongs to another peer.", statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.NotFound(),
    };
}
