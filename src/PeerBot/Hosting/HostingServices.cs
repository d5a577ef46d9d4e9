using System.Text.Json.Serialization;

namespace PeerBot.Hosting;

public static class HostingServices
{
    /// <summary>
    /// Problem details for every error, the wire's JSON conventions (nulls omitted) for every API, and the start-up
    /// warm-up.
    /// </summary>
    public static IServiceCollection AddPeerBotHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WarmUpOptions>(configuration.GetSection(WarmUpOptions.Section));
        services.AddHostedService<TurnWarmUp>(); // before the server listens (hosted services start first)
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        return services;
    }
}
