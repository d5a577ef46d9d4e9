using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Connector;

namespace PeerBot.BotFramework;

/// <summary>Registers the protocol services.</summary>
public static class BotFrameworkServices
{
    /// <summary>
    /// Adds inbound authentication (<see cref="BotAuthenticator"/>), the verified service URL registry
    /// (<see cref="TrustedServiceUrls"/>), outbound tokens and the connector client (<see cref="ConnectorClient"/>,
    /// HTTP client name <see cref="BotFrameworkHttpClients.Connector"/>). Options bind from
    /// <see cref="BotFrameworkOptions.Section"/> and are validated at start-up. Refuses anonymous mode (no app id)
    /// outside Development. Registers <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddBotFramework(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(BotFrameworkOptions.Section);
        var appId = section[nameof(BotFrameworkOptions.AppId)];
        if (string.IsNullOrWhiteSpace(appId) && !environment.IsDevelopment())
            throw new InvalidOperationException(
                "PeerBot:BotFramework:AppId is not set. Anonymous mode (no app id) is allowed only in the Development " +
                "environment; set PeerBot:BotFramework:AppId and AppPassword, or run with ASPNETCORE_ENVIRONMENT=Development.");

        services.AddOptions<BotFrameworkOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotFrameworkHttpClients.OpenIdMetadata);
        services.AddHttpClient(BotFrameworkHttpClients.TokenService);
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<ConnectorTokenProvider>();
        services.TryAddSingleton(provider => new ConnectorPipeline(
            provider.GetRequiredService<ConnectorTokenProvider>(),
            provider.GetRequiredService<TrustedServiceUrls>(),
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ConnectorPipeline>>()));
        // Request URLs carry conversation ids (a phone number on SMS): no HttpClient request logging for them.
        // No redirects: a bearer token is only ever sent to the verified service URL, never to where it points. No
        // trace-context headers either (nothing downstream reads them; the diagnostics handler cost ~1 % of a turn).
        services.AddHttpClient<ConnectorClient>().RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ActivityHeadersPropagator = null,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            });
        return services;
    }
}
