using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Benchmarks.Summaries;

/// <summary>
/// PeerBot in-process (real pipeline, SQLite file) with the Bot Connector answered at the network edge, a privacy
/// sweep every second, and a clock that can be moved ahead (<see cref="Skip"/>) so that episodes end (and are
/// summarized by the sweeper) while turns are measured.
/// </summary>
public sealed class SummaryTurnHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peerbot-bench", Guid.NewGuid().ToString("N"));
    private readonly TimeSpan _episodeInactivity;
    private int _next;

    /// <param name="episodeInactivity">How long without a message ends an opted-in client's episode.</param>
    public SummaryTurnHost(TimeSpan episodeInactivity)
    {
        _episodeInactivity = episodeInactivity;
        Directory.CreateDirectory(_folder);
        // BenchmarkDotNet runs from its own folder, where WebApplicationFactory's manifest lookup fails.
        System.Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PEERBOT", ContentRoot());
    }

    public SkippingClock Clock { get; } = new();

    private static string ContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerBot.sln")))
                return Path.Combine(dir.FullName, "src", "PeerBot");
        }
        throw new InvalidOperationException("PeerBot.sln not found above the benchmark binaries.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:PeerBot", $"Data Source={Path.Combine(_folder, "peerbot.db")}");
        builder.UseSetting("PeerBot:Summaries:SweepInterval", "00:00:01");
        builder.UseSetting("PeerBot:WarmUp:Enabled", "false"); // BenchmarkDotNet warms up itself
        builder.UseSetting("PeerBot:Summaries:EpisodeInactivity", _episodeInactivity.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => new AcceptingConnector());
        });
    }

    /// <summary>Posts one client message on the given SMS conversation, as the channel would.</summary>
    public async Task PostAsync(HttpClient channel, string conversationId, string text)
    {
        var n = Interlocked.Increment(ref _next);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "s-" + n,
            ChannelId = "sms",
            ServiceUrl = "https://connector.bench/",
            From = new ChannelAccount { Id = "+1555" + conversationId },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = conversationId },
            Text = text,
            Locale = "en-US",
        };
        using var response = await channel.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
        response.EnsureSuccessStatusCode();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Still held by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    private sealed class AcceptingConnector : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"id\":\"1\"}", System.Text.Encoding.UTF8, "application/json"),
            });
    }
}

/// <summary>The system clock plus an offset that only grows; timers run in real time.</summary>
public sealed class SkippingClock : TimeProvider
{
    private long _offsetTicks;

    public void Skip(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
