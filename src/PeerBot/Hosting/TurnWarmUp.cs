using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PeerBot.Hosting;

/// <summary>Start-up warm-up (<see cref="TurnWarmUp"/>).</summary>
public sealed class WarmUpOptions
{
    public const string Section = "PeerBot:WarmUp";

    /// <summary>Off: the service listens as soon as its database is ready, and its first minutes run on
    /// unoptimized code.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most the warm-up may add to start-up. It ends sooner when the runtime stops compiling.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Conversations held at once (turns run in parallel in production too).</summary>
    public int Concurrency { get; set; } = 8;
}

/// <summary>
/// Before the service takes traffic, runs synthetic conversations (check-ins, a mistyped answer, a crisis) through a
/// private copy of the whole service, so the first real turns do not pay for the runtime's compilation.
/// <para>
/// .NET compiles a method quickly at first, and again, optimized, after it has been called 30 times. On the turn path
/// that is about 9,000 methods and several CPU-seconds; measured under load, the compiler took 20–27 % of the
/// service's CPU for the first 15 seconds after a start, and the turn rate doubled once it was done. The first crisis
/// after a deployment would be answered by slow code exactly when a restart already delayed it.
/// </para>
/// <para>
/// The copy shares nothing with the service but code: it is built by the same composition
/// (<see cref="PeerBotHost"/>) on a configuration of its own — a temporary SQLite file, no app id (anonymous, on
/// loopback), no Azure AI Language, no on-call roster or peers' channel, no logging — so no synthetic message reaches
/// the real database, a peer, a pager or a cloud service. Its replies go to a sink inside the copy. The copy is
/// stopped and its database deleted before this service's server starts listening (hosted services start before
/// the server). A failed warm-up is logged and the service starts anyway.
/// </para>
/// </summary>
internal sealed partial class TurnWarmUp(
    IHostEnvironment environment, IConfiguration configuration, IOptions<WarmUpOptions> options, TimeProvider clock,
    ILogger<TurnWarmUp> logger)
    : IHostedService
{
    private const string SinkPath = "/warm-up-sink";

    /// <summary>Sections copied from the service's configuration: where the dialogs, lexicon and texts are.</summary>
    private static readonly string[] CopiedSections = ["PeerBot:Dialogs", "PeerBot:Safety", "PeerBot:Resources", "PeerBot:Sms"];

    private static readonly string[][] Scripts =
    [
        ["check in", "4", "2", "7"],
        ["check in", "9", "4", "2", "6"],          // an answer out of range, asked again
        ["hi", "menu", "coping", "1"],
        ["check in", "I want to kill myself"],       // the crisis path: crisis reply first, then the queue
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return;
        var started = Stopwatch.GetTimestamp();
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var folder = Path.Combine(Path.GetTempPath(), "peerbot-warm-up-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(folder, "warm-up.db")}";
        try
        {
            Directory.CreateDirectory(folder);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(settings.TimeLimit);
            var (turns, failed) = await RunAsync(connectionString, settings, limit.Token);
            Finished(logger, turns, failed, System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(logger, ex.GetType().Name, ex);
        }
        finally
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            try
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing handle; the folder holds only synthetic data and the OS cleans it.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<(int Turns, int Failed)> RunAsync(string connectionString, WarmUpOptions settings, CancellationToken cancellationToken)
    {
        await using var copy = BuildCopy(connectionString);
        await copy.StartAsync(cancellationToken);
        try
        {
            var address = copy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var turns = 0;
            var failed = 0;
            var conversations = 0;
            var quietRounds = 0;
            // Rounds of conversations until the runtime has (nearly) stopped compiling: optimized versions are made on
            // a background thread some time after the 30th call, so the end is seen, not predicted.
            while (quietRounds < 2 && !cancellationToken.IsCancellationRequested)
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                var results = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency)
                    .Select(w => ConverseAsync(http, address, conversations + w, cancellationToken)));
                conversations += settings.Concurrency;
                turns += results.Sum(r => r.Turns);
                failed += results.Sum(r => r.Failed);
                if (failed > 0 && failed * 4 > turns)
                    break; // the copy does not work here; say so and let the service start
                await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken);
                quietRounds = System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 10 && conversations >= 32 ? quietRounds + 1 : 0;
            }
            return (turns, failed);
        }
        finally
        {
            await copy.StopAsync(CancellationToken.None);
        }
    }

    private async Task<(int Turns, int Failed)> ConverseAsync(HttpClient http, string address, int number, CancellationToken cancellationToken)
    {
        var script = Scripts[number % Scripts.Length];
        var conversation = $"warm-up-{number}";
        int turns = 0, failed = 0;
        foreach (var text in script)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["type"] = "message",
                ["id"] = $"{conversation}-{turns}",
                ["timestamp"] = clock.GetUtcNow().ToString("O"),
                ["channelId"] = "webchat",
                ["serviceUrl"] = address.TrimEnd('/') + SinkPath,
                ["locale"] = "en-US",
                ["from"] = new Dictionary<string, string> { ["id"] = "user-" + conversation, ["role"] = "user" },
                ["recipient"] = new Dictionary<string, string> { ["id"] = "peerbot", ["role"] = "bot" },
                ["conversation"] = new Dictionary<string, string> { ["id"] = conversation },
                ["text"] = text,
            });
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/messages", content, cancellationToken);
            turns++;
            if (!response.IsSuccessStatusCode)
                failed++;
        }
        return (turns, failed);
    }

    private WebApplication BuildCopy(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = environment.ApplicationName,
            ContentRootPath = environment.ContentRootPath,
            EnvironmentName = Environments.Development, // anonymous on loopback: the copy has no app id
        });
        builder.Configuration.Sources.Clear();
        var copied = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:PeerBot"] = connectionString,
            ["PeerBot:Database:Provider"] = "Sqlite",
            [$"{WarmUpOptions.Section}:Enabled"] = "false",
            ["PeerBot:Demo:Seed"] = "false",
            ["PeerBot:DirectLine:Enabled"] = "false",
        };
        foreach (var section in CopiedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                    copied[key] = value;
            }
        }
        builder.Configuration.AddInMemoryCollection(copied);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddPeerBot();
        var app = builder.Build();
        app.MapPost(SinkPath + "/v3/conversations/{**rest}", () => Results.Json(new { id = "warm-up" }));
        app.UsePeerBot();
        return app;
    }

    [LoggerMessage(9701, LogLevel.Information, "Warm-up: {Turns} synthetic turns ({Failed} failed), {Compiled} methods compiled, {ElapsedMs} ms")]
    private static partial void Finished(ILogger logger, int turns, int failed, long compiled, long elapsedMs);

    [LoggerMessage(9702, LogLevel.Warning, "Warm-up failed ({Error}); the service starts without it")]
    private static partial void Failed(ILogger logger, string error, Exception exception);
}
