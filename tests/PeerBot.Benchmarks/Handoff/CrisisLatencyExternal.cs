using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// Issue 5's crisis-to-console latency with PeerBot as it is deployed: its own process on Kestrel (published
/// Release build, SQLite, Development settings), the channel and the console as outside clients over loopback HTTP,
/// and the Bot Connector answered by a loopback sink in this process. Each round posts N crisis messages at once on
/// new Teams conversations; a conversation's latency is counted from the moment the round's first POST left (an
/// upper bound for every conversation of the round) to the console event naming a new handoff. Unlike
/// <see cref="CrisisLatencyProbe"/>, the clients' work does not run on PeerBot's thread pool.
/// Run by <c>run-crisis-external.sh</c> (which publishes PeerBot first).
/// </summary>
public static class CrisisLatencyExternal
{
    public static async Task<int> RunAsync(string peerBotDll, int conversations, int rounds)
    {
        await using var sink = await StartSinkAsync();
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "peerbot-crisis-ext", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var bot = StartPeerBot(peerBotDll, port, Path.Combine(folder, "peerbot.db"));
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            using var channel = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
            await WaitReadyAsync(channel);
            using var console = new HttpClient { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
            await SignInAsync(console, "peer1@demo.local");

            var events = new ConcurrentQueue<(Guid HandoffId, long At)>();
            using var stop = new CancellationTokenSource();
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reader = Task.Run(() => ReadEventsAsync(console, events, connected, stop.Token));
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var seen = new HashSet<Guid>();
            // Warm-up, not measured (as in CrisisLatencyProbe): connections open, PeerBot's code optimized (tier 1).
            for (var w = 0; w < CrisisLatencyProbe.WarmUpRounds; w++)
                await RoundAsync(channel, sink.Url, conversations, events, seen, latencies: null);
            var latencies = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                await Task.Delay(300);
                await RoundAsync(channel, sink.Url, conversations, events, seen, latencies);
            }
            await stop.CancelAsync();
            Console.WriteLine(ConsoleEventReader.Summary(latencies, $"{conversations} at once, PeerBot in its own process"));
            return 0;
        }
        finally
        {
            if (!bot.HasExited)
                bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temp folder.
            }
        }
    }

    private static async Task RoundAsync(HttpClient channel, string serviceUrl, int conversations,
        ConcurrentQueue<(Guid HandoffId, long At)> events, HashSet<Guid> seen, List<double>? latencies)
    {
        var bodies = Enumerable.Range(0, conversations).Select(_ => Body(serviceUrl)).ToList();
        var started = Stopwatch.GetTimestamp();
        var posts = bodies.Select(async body =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await channel.PostAsync("api/messages", content);
            response.EnsureSuccessStatusCode();
        }).ToList();
        await Task.WhenAll(posts);
        var fresh = new List<long>();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (fresh.Count < conversations)
        {
            while (events.TryDequeue(out var e))
            {
                if (seen.Add(e.HandoffId))
                    fresh.Add(e.At);
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new InvalidOperationException($"Only {fresh.Count} of {conversations} handoffs reached the console within 30 s.");
            await Task.Delay(5);
        }
        latencies?.AddRange(fresh.Select(at => Stopwatch.GetElapsedTime(started, at).TotalMilliseconds));
    }

    private static byte[] Body(string serviceUrl)
    {
        var conversation = "ext-" + Guid.NewGuid().ToString("N");
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "message",
            id = "m-" + Guid.NewGuid().ToString("N")[..12],
            channelId = "msteams",
            serviceUrl,
            from = new { id = "user-" + conversation },
            recipient = new { id = "bot" },
            conversation = new { id = conversation },
            text = "I want to kill myself",
            locale = "en-US",
        });
    }

    private static async Task ReadEventsAsync(HttpClient console, ConcurrentQueue<(Guid, long)> events,
        TaskCompletionSource connected, CancellationToken cancellationToken)
    {
        try
        {
            await ConsoleEventReader.ReadAsync(console, connected, (id, at) => events.Enqueue((id, at)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Done.
        }
    }

    private static async Task SignInAsync(HttpClient console, string email)
    {
        using var response = await console.PostAsJsonAsync("api/auth/login", new { email, password = "peerbot-demo-2026" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        console.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
    }

    private static async Task WaitReadyAsync(HttpClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new InvalidOperationException("PeerBot did not become ready within 60 s.");
            await Task.Delay(200);
        }
    }

    private static Process StartPeerBot(string dll, int port, string database)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__PeerBot"] = $"Data Source={database}";
        start.Environment["PeerBot__Handoff__CaseloadCap"] = "50";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start PeerBot.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Bot Connector: accepts every activity PeerBot sends (replies, notices, alerts).</summary>
    private static async Task<Sink> StartSinkAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var reply = Encoding.UTF8.GetBytes("{\"id\":\"1\"}");
        app.MapPost("/{**path}", async (Microsoft.AspNetCore.Http.HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(reply);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Sink(app, url.TrimEnd('/') + "/");
    }

    private sealed class Sink(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
