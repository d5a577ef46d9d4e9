using System.IO.Pipelines;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerBot.Handoff;

namespace PeerBot.PeerConsole;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record Me(string Id, string Name, string Role, string? CsrfToken);
public sealed record PeerListItem(string Id, string Name, string Role, bool Online);

/// <summary>Console sign-in (cookie for the web UI, bearer token for the API), live events, coordinator views.</summary>
public static class ConsoleEndpoints
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPeerConsole(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", TokenLoginAsync).DisableAntiforgery();
        app.MapPost("/console/login", CookieLoginAsync).DisableAntiforgery();
        app.MapPost("/console/logout", LogoutAsync).RequireAuthorization(PeerAuth.PeerPolicy)
            .AddEndpointFilter(ConsoleCsrf.RequireForCookiesAsync).DisableAntiforgery();
        app.MapGet("/console", () => TypedResults.Redirect("/console/index.html"));

        var console = app.MapGroup("/api/console").RequireAuthorization(PeerAuth.PeerPolicy);
        console.MapGet("/me", GetMe);
        console.MapGet("/events", StreamEventsAsync);
        console.MapGet("/peers", ListPeersAsync);

        var coordinator = app.MapGroup("/api").RequireAuthorization(PeerAuth.CoordinatorPolicy);
        coordinator.MapGet("/coordinator/board", (ClaimsPrincipal user, CoordinatorBoard board, CancellationToken ct) =>
            board.BoardAsync(user.ToPeer(), ct));
        coordinator.MapGet("/metrics/handoffs", (DateTimeOffset? from, DateTimeOffset? to, CoordinatorBoard board, CancellationToken ct) =>
            board.MetricsAsync(from, to, ct));
        coordinator.MapGet("/metrics/handoffs.csv", async (DateTimeOffset? from, DateTimeOffset? to, CoordinatorBoard board, CancellationToken ct) =>
            TypedResults.Text(await board.HistoryCsvAsync(from, to, ct), "text/csv"));
        return app;
    }

    private static async Task<IResult> TokenLoginAsync(LoginRequest body, PeerAccounts accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.VerifyAsync(body.Email, body.Password, cancellationToken);
        return result.Status switch
        {
            LoginStatus.Succeeded => TypedResults.SignIn(PeerAccounts.Principal(result.Account!, PeerAuth.Bearer), authenticationScheme: PeerAuth.Bearer),
            LoginStatus.LockedOut => TypedResults.Problem("Too many failed sign-ins. Try again later.", statusCode: StatusCodes.Status423Locked),
            _ => TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<IResult> CookieLoginAsync(
        LoginRequest body, HttpContext http, PeerAccounts accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.VerifyAsync(body.Email, body.Password, cancellationToken);
        if (result.Status == LoginStatus.LockedOut)
            return TypedResults.Problem("Too many failed sign-ins. Try again later.", statusCode: StatusCodes.Status423Locked);
        if (result.Status != LoginStatus.Succeeded)
            return TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
        var account = result.Account!;
        await http.SignInAsync(PeerAuth.Cookie, PeerAccounts.Principal(account, PeerAuth.Cookie));
        return TypedResults.Ok(new Me(account.Id, account.DisplayName, account.Role, null));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await http.SignOutAsync(PeerAuth.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user, HttpContext http, IAntiforgery antiforgery)
    {
        var token = ConsoleCsrf.IsBearer(http.Request) ? null : antiforgery.GetAndStoreTokens(http).RequestToken;
        return TypedResults.Ok(new Me(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            user.FindFirstValue(ClaimTypes.Name)!,
            user.FindFirstValue(ClaimTypes.Role)!,
            token));
    }

    private static async Task<Ok<List<PeerListItem>>> ListPeersAsync(PeerAccounts accounts, HandoffEvents events, CancellationToken cancellationToken)
    {
        var online = events.Online();
        var all = await accounts.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(a => new PeerListItem(a.Id, a.DisplayName, a.Role, online.ContainsKey(a.Id))).ToList());
    }

    /// <summary>Server-sent events: ids and kinds only; the console then fetches through the audited API.</summary>
    private static async Task StreamEventsAsync(HttpContext http, ClaimsPrincipal user, HandoffEvents events, CancellationToken cancellationToken)
    {
        var peer = user.ToPeer();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = events.Subscribe(peer.Id, peer.DisplayName, peer.IsCoordinator);
        events.Publish(new ConsoleEvent("presence") { CoordinatorsOnly = true });
        try
        {
            var body = http.Response.BodyWriter;
            Append(body, new ConsoleEvent("hello"));
            await body.FlushAsync(cancellationToken);
            var reader = subscription.Reader;
            while (!cancellationToken.IsCancellationRequested)
            {
                var ready = reader.WaitToReadAsync(cancellationToken).AsTask();
                var beat = Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                if (await Task.WhenAny(ready, beat) == beat)
                {
                    Encoding.UTF8.GetBytes(": keep-alive\n\n", body);
                    await body.FlushAsync(cancellationToken);
                    continue;
                }
                if (!await ready)
                    break;
                // Everything queued goes out in one flush: in a burst (50 crises at once) a flush per event made
                // the last events wait behind the thread pool once per event before them.
                while (reader.TryRead(out var consoleEvent))
                    Append(body, consoleEvent);
                await body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The console closed the stream.
        }
        finally
        {
            subscription.Dispose();
            events.Publish(new ConsoleEvent("presence") { CoordinatorsOnly = true });
        }
    }

    /// <summary>One server-sent event into the response buffer (the caller flushes).</summary>
    private static void Append(PipeWriter body, ConsoleEvent consoleEvent)
    {
        var data = JsonSerializer.Serialize(new { consoleEvent.HandoffId, consoleEvent.PeerId, consoleEvent.Detail }, EventJson);
        Encoding.UTF8.GetBytes($"event: {consoleEvent.Type}\ndata: {data}\n\n", body);
    }
}
