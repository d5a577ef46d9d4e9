namespace PeerBot.PeerConsole;

/// <summary>Strict headers on console pages and console APIs: nothing from elsewhere, no framing, no caching.</summary>
public static class ConsoleSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePeerConsoleHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/console") || path.StartsWithSegments("/api/console")
                || path.StartsWithSegments("/api/handoffs") || path.StartsWithSegments("/api/coordinator"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
            }
            await next(context);
        });
}
