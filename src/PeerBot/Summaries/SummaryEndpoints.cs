using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerBot.Audit;
using PeerBot.Data;
using PeerBot.PeerConsole;

namespace PeerBot.Summaries;

public sealed record AuditLine(long Id, string ActorId, string Action, Guid? HandoffId, string? ConversationKey, DateTimeOffset At);

/// <summary>
/// Coordinator review of opted-in clients' summaries and client export (audited), and the admins' audit-log viewer.
/// </summary>
public static class SummaryEndpoints
{
    public const string AdminPolicy = "peerbot-admin";

    public static IEndpointRouteBuilder MapSummaries(this IEndpointRouteBuilder app)
    {
        var coordinator = app.MapGroup("/api/console")
            .RequireAuthorization(PeerAuth.CoordinatorPolicy)
            .AddEndpointFilter(ConsoleCsrf.RequireForCookiesAsync)
            .DisableAntiforgery();
        coordinator.MapGet("/summaries", async (string? client, ClaimsPrincipal user, SummaryReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ListAsync(user.ToPeer().Id, client, ct)));
        coordinator.MapGet("/summaries/{id:long}", async (long id, ClaimsPrincipal user, SummaryReader reader, CancellationToken ct) =>
            await reader.GetAsync(user.ToPeer().Id, id, ct) is { } view ? Results.Ok(view) : Results.NotFound());
        coordinator.MapGet("/clients/{key}/export", async (string key, ClaimsPrincipal user, SummaryReader reader, HttpContext http, CancellationToken ct) =>
        {
            var export = await reader.ExportAsync(user.ToPeer().Id, key, ct);
            if (export is null)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(export, contentType: "application/json",
                statusCode: StatusCodes.Status200OK);
        });

        var admin = app.MapGroup("/api/console").RequireAuthorization(AdminPolicy)
            .AddEndpointFilter(ConsoleCsrf.RequireForCookiesAsync)
            .DisableAntiforgery();
        admin.MapGet("/audit", AuditAsync);
        return app;
    }

    private static async Task<IResult> AuditAsync(
        string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, string? client, int? take,
        PeerBotDb db, CancellationToken cancellationToken)
    {
        var query = db.Set<AuditRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
            query = query.Where(a => a.ActorId == actor);
        if (!string.IsNullOrWhiteSpace(action))
            query = query.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(client))
            query = query.Where(a => a.ConversationKey == client);
        if (from is { } f)
            query = query.Where(a => a.At >= f);
        if (to is { } t)
            query = query.Where(a => a.At <= t);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take ?? 200, 1, 1000))
            .Select(a => new AuditLine(a.Id, a.ActorId, a.Action, a.HandoffId, a.ConversationKey, a.At))
            .ToListAsync(cancellationToken);
        return Results.Ok(rows);
    }
}
