using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>
/// The channel's Connector API on a real http loopback server. Every request is recorded; <see cref="Respond"/>
/// decides each answer (default: 200 with a new activity id).
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private int _count;

    private FakeConnector()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;
    public string ServiceUrl => Server.BaseUrl;
    public IReadOnlyList<RecordedRequest> Requests => [.. Server.Requests];

    /// <summary>Writes the answer to request number n (1-based).</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = Ok;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector.Server = await LoopbackServer.StartAsync(app =>
            app.Map("/{**path}", (HttpContext context) => connector.Respond(context, Interlocked.Increment(ref connector._count))));
        return connector;
    }

    public static Task Ok(HttpContext context, int number) =>
        context.Response.WriteAsJsonAsync(new { id = $"new-{number}" });

    public static Func<HttpContext, int, Task> Status(int status, string? body = null, string? retryAfter = null) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    };

    /// <summary>Answers the first requests with <paramref name="failures"/>, in order, then 200.</summary>
    public static Func<HttpContext, int, Task> FailingFirst(params Func<HttpContext, int, Task>[] failures) =>
        (context, number) => number <= failures.Length ? failures[number - 1](context, number) : Ok(context, number);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
