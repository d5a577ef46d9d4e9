using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>The library composed the way a host composes it: <c>AddBotFramework</c> over in-memory configuration.</summary>
internal sealed class BotFrameworkTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BotFrameworkTestHost(ServiceProvider provider) => _provider = provider;

    public static BotFrameworkTestHost Create(
        IDictionary<string, string?> settings, TimeProvider? clock = null, X509Certificate2? trustedCertificate = null,
        string environment = "Development", Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(kv => BotFrameworkOptions.Section + ":" + kv.Key, kv => kv.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddBotFramework(configuration, new HostingEnvironment { EnvironmentName = environment });
        if (trustedCertificate is not null)
        {
            services.AddHttpClient(BotFrameworkHttpClients.OpenIdMetadata)
                .ConfigurePrimaryHttpMessageHandler(() => TestCertificate.TrustingHandler(trustedCertificate));
            services.AddHttpClient(BotFrameworkHttpClients.TokenService)
                .ConfigurePrimaryHttpMessageHandler(() => TestCertificate.TrustingHandler(trustedCertificate));
        }
        configure?.Invoke(services);
        return new BotFrameworkTestHost(services.BuildServiceProvider(validateScopes: true));
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
