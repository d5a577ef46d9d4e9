using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PeerBot.Resources;

public static class ResourceServices
{
    /// <summary>
    /// The resource directory, the HSDS importer and the shipped files they read. Needs the database
    /// (<c>AddPeerBotDb</c> or <c>AddPeerBotData</c>).
    /// </summary>
    public static IServiceCollection AddResources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResourceOptions>().Bind(configuration.GetSection(ResourceOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(p => CategoryMap.Load(Path.Combine(Folder(p), CategoryMap.FileName)));
        services.AddSingleton(p => NationalLines.Load(Path.Combine(Folder(p), NationalLines.FileName)));
        services.AddScoped<ResourceDirectory>();
        services.AddScoped<HsdsImporter>();
        return services;
    }

    private static string Folder(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<ResourceOptions>>().Value
            .ResolveFolder(provider.GetService<IHostEnvironment>()?.ContentRootPath);
}
