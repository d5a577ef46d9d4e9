using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Data;
using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

/// <summary>A service provider with the real data and resource registrations on its own temp SQLite file.</summary>
internal sealed class ResourceTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ResourceTestHost(string folder, IConfiguration configuration, ServiceProvider provider)
    {
        Folder = folder;
        Configuration = configuration;
        _provider = provider;
    }

    public string Folder { get; }

    public IConfiguration Configuration { get; }

    public static async Task<ResourceTestHost> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "peerbot-resources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:PeerBot"] = $"Data Source={Path.Combine(folder, "peerbot.db")}",
        }).Build();
        var provider = new ServiceCollection().AddLogging().AddPeerBotDb(configuration).AddResources(configuration)
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PeerBotDb>().Database.EnsureCreatedAsync();
        return new ResourceTestHost(folder, configuration, provider);
    }

    public async Task<ImportReport> ImportAsync(string folder)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HsdsImporter>().ImportAsync(folder, TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<ResourceListing>> SearchAsync(string category, string? place, string locale = "en", int max = 5)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceDirectory>()
            .SearchAsync(category, place, locale, max, TestContext.Current.CancellationToken);
    }

    public async Task<List<T>> AllAsync<T>() where T : class
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerBotDb>().Set<T>().AsNoTracking()
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public NationalLines National => _provider.GetRequiredService<NationalLines>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
