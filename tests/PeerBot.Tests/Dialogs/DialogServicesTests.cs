using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerBot.Dialogs;
using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Loading;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class DialogServicesTests
{
    [Fact]
    public async Task Startup_InvalidDialogFile_StopsTheHostWithEveryError()
    {
        using var dialogs = new TempDialogs()
            .Edit("help.yaml", "type: message", "type: mesage")
            .Edit("welcome.yaml", "dialog: menu", "dialog: menus");
        using var host = Build(dialogs.Folder);

        var error = await Assert.ThrowsAsync<DialogValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("dialogs/help.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("dialogs/welcome.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ShippedDialogs_LoadsTheCatalog()
    {
        using var host = Build(RepoPaths.Dialogs);

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(host.Services.GetRequiredService<DialogCatalog>().Dialogs.Count >= 8);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void DialogFolder_NotConfigured_IsFoundBesideTheSolution()
    {
        var folder = DialogFolder.Resolve(null, AppContext.BaseDirectory);

        Assert.Equal(Path.GetFullPath(RepoPaths.Dialogs), folder);
    }

    private static IHost Build(string folder)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{DialogOptions.Section}:Path"] = folder });
        builder.Services.AddDialogs();
        return builder.Build();
    }
}
