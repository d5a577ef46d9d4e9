using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Connector;

namespace PeerBot.BotFramework;

/// <summary>Registers the protocol services.</summary>
public static class BotFrameworkServices
{
    /// <summary>
    /// Adds inbound authentication and the connector client. Refuses anonymous mode outside Development.
    /// </summary>
    public static IServiceCollection AddBotFramework(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(BotFrameworkOptions.Section);
        services.AddOptions<BotFrameworkOptions>().Bind(section);
        var appId = section[nameof(BotFrameworkOptions.AppId)];
        if (string.IsNullOrWhiteSpace(appId) && !environment.IsDevelopment())
            throw new InvalidOperationException(
                "PeerBot:BotFramework:AppId is not set. Anonymous mode (no app id) is allowed only in the Development " +
                "environment; set PeerBot:BotFramework:AppId and AppPassword, or run with ASPNETCORE_ENVIRONMENT=Development.");
        services.AddSingleton<BotAuthenticator>();
        services.AddHttpClient<ConnectorClient>();
        return services;
    }
}
