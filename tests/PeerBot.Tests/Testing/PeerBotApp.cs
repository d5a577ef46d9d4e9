using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.Data;

namespace PeerBot.Tests.Testing;

/// <summary>
/// PeerBot in-process with its own SQLite file, a manual clock, a capturing logger and a fake Bot Connector at the
/// network edge (STYLE.md convention 13). Everything else is the real service.
/// </summary>
public sealed class PeerBotApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peerbot-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    /// <param name="sharedDatabase">
    /// A database another app also uses (two replicas); the caller disposes it. Null: a database of its own.
    /// </param>
    public PeerBotApp(IDictionary<string, string?>? settings = null, string environment = "Development", string provider = "Sqlite",
        TestDatabase? sharedDatabase = null)
    {
        Directory.CreateDirectory(_folder);
        Environment = environment;
        _ownsDatabase = sharedDatabase is null;
        _database = sharedDatabase ?? TestDatabase.Create(provider, _folder);
        provider = _database.Provider;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:PeerBot"] = _database.ConnectionString,
            ["PeerBot:Database:Provider"] = provider,
            // Retries are the outbox's job here; the connector's own backoff is tested in PeerBot.BotFramework.Tests.
            ["PeerBot:BotFramework:ConnectorMaxRetries"] = "0",
            // Seconds per app start; WarmUpTests turns it on.
            ["PeerBot:WarmUp:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public string Environment { get; }
    public string DatabasePath => Path.Combine(_folder, "peerbot.db");
    public string Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;
    public ManualTimeProvider Clock { get; } = new();
    public FakeConnector Connector { get; } = new();
    public LogCapture Logs { get; } = new();

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<TResult> WithDbAsync<TResult>(Func<PeerBotDb, Task<TResult>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PeerBotDb>());
    }

    /// <summary>POSTs an activity to /api/messages as the channel would.</summary>
    public async Task<HttpResponseMessage> SendAsync(Activity activity)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient<ConnectorClient>()
                .ConfigurePrimaryHttpMessageHandler(() => new EdgeRouter(this));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase)
                _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            DeleteFolder();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await _database.DisposeAsync();
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Requests to this host (the local web chat's connector routes) go into the test server; the rest to the fake.</summary>
    private sealed class EdgeRouter(PeerBotApp app) : DelegatingHandler
    {
        private HttpMessageInvoker? _server;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host == "localhost")
            {
                _server ??= new HttpMessageInvoker(app.Server.CreateHandler());
                return _server.SendAsync(request, cancellationToken);
            }
            return new HttpMessageInvoker(app.Connector, disposeHandler: false).SendAsync(request, cancellationToken);
        }
    }
}
