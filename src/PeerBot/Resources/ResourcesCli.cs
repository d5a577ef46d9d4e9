using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Resources;

/// <summary>
/// <c>resources import &lt;folder&gt; [--ConnectionStrings:PeerBot=…]</c>: imports HSDS files into the database
/// configured as for the web host (appsettings.json, environment variables, then the extra arguments).
/// Exit codes: 0 imported cleanly, 1 imported with rejected records (listed on stderr), 2 usage or folder error.
/// </summary>
public static class ResourcesCli
{
    public const string Usage = "usage: resources import <folder> [--ConnectionStrings:PeerBot=<connection string>]";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = Verb(args).Skip(2).ToArray();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(rest)
            .Build();
        return RunAsync(args, configuration, stdout, stderr);
    }

    internal static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var verb = Verb(args);
        if (verb.Length < 2 || verb[0] != "import" || verb[1].StartsWith('-'))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        var folder = Path.GetFullPath(verb[1]);
        if (!Directory.Exists(folder))
        {
            await stderr.WriteLineAsync($"folder not found: {folder}").ConfigureAwait(false);
            return 2;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddPeerBotDb(configuration)
            .AddResources(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        await db.Database.EnsureCreatedAsync().ConfigureAwait(false);

        var report = await scope.ServiceProvider.GetRequiredService<HsdsImporter>()
            .ImportAsync(folder, CancellationToken.None).ConfigureAwait(false);

        await stdout.WriteLineAsync(
            $"Imported {report.Organizations} organizations, {report.Services} services, {report.Locations} locations, " +
            $"{report.Addresses} addresses, {report.ServiceLocations} service locations, {report.Phones} phones; " +
            $"{report.CategorizedServices} services in at least one category.").ConfigureAwait(false);
        if (report.SkippedFiles.Count > 0)
            await stdout.WriteLineAsync($"Skipped {report.SkippedFiles.Count} files that are not HSDS data.").ConfigureAwait(false);
        foreach (var issue in report.Errors)
            await stderr.WriteLineAsync(issue.ToString()).ConfigureAwait(false);
        if (report.HasErrors)
            await stderr.WriteLineAsync($"{report.Errors.Count} records rejected; the rest were imported.").ConfigureAwait(false);
        return report.HasErrors ? 1 : 0;
    }

    /// <summary>The arguments after the <c>resources</c> verb, whether or not it was passed in.</summary>
    private static string[] Verb(string[] args) =>
        args.Length > 0 && args[0] == "resources" ? args[1..] : args;
}
