using Microsoft.Extensions.Configuration;
using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

public sealed class ResourcesCliTests
{
    [Fact]
    public async Task Import_FixtureFolder_ExitsZeroAndReportsCounts()
    {
        await using var host = await ResourceTestHost.StartAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ResourcesCli.RunAsync(["resources", "import", ResourcePaths.HsdsV30], host.Configuration, stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 1 organizations, 1 services", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
        Assert.Single(await host.AllAsync<ResourceService>());
    }

    [Fact]
    public async Task Import_FolderWithBadRecords_ExitsOneAndListsThemOnStderr()
    {
        await using var host = await ResourceTestHost.StartAsync();
        var folder = Path.Combine(host.Folder, "bad");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "services.csv"), "id,name\ns-1,Food Bank\ns-2,\n",
            TestContext.Current.CancellationToken);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ResourcesCli.RunAsync(["import", folder], host.Configuration, stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("services.csv:3: services.name: name is required", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Imported 0 organizations, 1 services", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("resources")]
    [InlineData("resources export x")]
    [InlineData("resources import /no/such/folder/peerbot")]
    public async Task Run_BadUsage_ExitsTwo(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ResourcesCli.RunAsync(args, new ConfigurationBuilder().Build(), stdout, stderr);

        Assert.Equal(2, exit);
        Assert.NotEqual("", stderr.ToString());
    }
}
