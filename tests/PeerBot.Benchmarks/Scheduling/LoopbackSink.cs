using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PeerBot.Benchmarks.Scheduling;

/// <summary>A Bot Connector stand-in on 127.0.0.1 that accepts every activity and counts them.</summary>
public sealed class LoopbackSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;

    private LoopbackSink(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;
    public long Received => Interlocked.Read(ref _received);

    public static async Task<LoopbackSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new LoopbackSink(app);
        app.MapPost("/v3/conversations/{id}/activities", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref sink._received);
            return Results.Text("{\"id\":\"1\"}", "application/json");
        });
        await app.StartAsync();
        sink.Url = app.Urls.First() + "/";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
