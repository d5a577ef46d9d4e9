using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.PeerConsole;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// PeerBot in-process (real pipeline, SQLite file, system clock) with the Bot Connector answered by a loopback
/// handler at the network edge, and helpers to drive it as a channel and as the console.
/// </summary>
public sealed class HandoffBenchHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peerbot-bench", Guid.NewGuid().ToString("N"));
    private int _next;

    public HandoffBenchHost()
    {
        Directory.CreateDirectory(_folder);
        // BenchmarkDotNet runs from the project folder, where WebApplicationFactory's manifest lookup fails.
        System.Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PEERBOT", ContentRoot());
    }

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
        builder.UseSetting("PeerBot:Handoff:CaseloadCap", "50");
        builder.UseSetting("PeerBot:WarmUp:Enabled", "false"); // BenchmarkDotNet warms up itself
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
            services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => new AcceptingConnector()));
    }

    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient();
        var password = Services.GetRequiredService<IOptions<DemoOptions>>().Value.Password;
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Posts one client message on a new (or given) Teams conversation, as the channel would.</summary>
    public async Task PostAsync(HttpClient channel, string text, string? conversationId = null)
    {
        var n = Interlocked.Increment(ref _next);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "b-" + n,
            ChannelId = "msteams",
            ServiceUrl = "https://connector.bench/",
            From = new ChannelAccount { Id = "user-" + n },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = conversationId ?? "bench-" + Guid.NewGuid().ToString("N") },
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
