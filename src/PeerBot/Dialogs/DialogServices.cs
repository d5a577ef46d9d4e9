using Microsoft.Extensions.Options;
using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Goals;
using PeerBot.Dialogs.Loading;
using PeerBot.Dialogs.SafetyPlans;

namespace PeerBot.Dialogs;

public static class DialogServices
{
    /// <summary>
    /// The dialog engine (singleton), its catalog (loaded once; an invalid file stops start-up with every error
    /// listed) and the safety-plan and goals stores (scoped, needs <c>PeerBotDb</c>). Needs <see cref="TimeProvider"/> and
    /// <c>ResourceDirectory</c> registered by their features.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section);
        services.AddDataProtection();
        services.AddSingleton(LoadCatalog);
        services.AddSingleton<DialogEngine>();
        services.AddScoped<SafetyPlanStore>();
        services.AddScoped<GoalsStore>();
        services.AddHostedService<DialogCatalogCheck>();
        return services;
    }

    private static DialogCatalog LoadCatalog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DialogOptions>>().Value;
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath;
        var folder = DialogFolder.Resolve(options.Path, contentRoot, AppContext.BaseDirectory);
        var result = DialogLoader.Load(folder);
        if (!result.IsValid || result.Catalog is null)
            throw new DialogValidationException(
                $"The dialog files in {folder} are invalid:{Environment.NewLine}{result.Describe()}");
        DialogsLog.Loaded(services.GetRequiredService<ILogger<DialogEngine>>(),
            result.Catalog.Dialogs.Count, folder);
        return result.Catalog;
    }

    /// <summary>Loads the catalog while the host starts, so a bad dialog file stops the app before any traffic.</summary>
    private sealed class DialogCatalogCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<DialogCatalog>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
