using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerBot.Safety;
using PeerBot.Safety.Lexicon;
using Xunit;

namespace PeerBot.Tests.Safety;

public sealed class SafetyServicesTests
{
    [Fact]
    public async Task InvalidLexicon_HostRefusesToStart()
    {
        var dir = Directory.CreateTempSubdirectory("peerbot-lexicon-").FullName;
        try
        {
            var path = Path.Combine(dir, "lexicon.yaml");
            await File.WriteAllTextAsync(path, "version: 1\nbogus: true\n", TestContext.Current.CancellationToken);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PeerBot:Safety:LexiconPath"] = path });
            builder.Services.AddSafety();
            using var host = builder.Build();

            var exception = await Assert.ThrowsAsync<LexiconException>(() => host.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains(exception.Errors, e => e.StartsWith(path + ":2:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void DefaultPath_FindsShippedDialogsFolder()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSafety();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<SafetyScreen>());
        Assert.Equal(Path.GetFullPath(SafetyTestPaths.Lexicon),
            Path.GetFullPath(provider.GetRequiredService<DistressDetector>().Lexicon.SourcePath));
    }
}
