using Microsoft.AspNetCore.Http.HttpResults;
using PeerBot.Data;

namespace PeerBot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: and its database answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("alive"));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<string>, ProblemHttpResult>> ReadyAsync(PeerBotDb db, CancellationToken cancellationToken)
    {
        // CanConnectAsync answers false (it does not throw) when the server cannot be reached.
        if (await db.Database.CanConnectAsync(cancellationToken))
            return TypedResults.Ok("ready");
        return TypedResults.Problem("The database is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
