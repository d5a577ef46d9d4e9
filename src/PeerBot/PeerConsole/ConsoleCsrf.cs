using Microsoft.AspNetCore.Antiforgery;

namespace PeerBot.PeerConsole;

/// <summary>
/// Cookie-authenticated writes must carry the antiforgery token in <see cref="PeerAuth.CsrfHeader"/> (the console
/// gets it from /api/console/me). Bearer-token callers are not exposed to CSRF and skip the check.
/// </summary>
public static class ConsoleCsrf
{
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<object?> RequireForCookiesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !IsBearer(http.Request))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.Problem("Missing or invalid antiforgery token.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }
}
