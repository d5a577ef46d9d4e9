using System.Text.Json.Serialization;

namespace PeerBot.Hosting;

public static class HostingServices
{
    /// <summary>Problem details for every error, and the wire's JSON conventions (nulls omitted) for every API.</summary>
    public static IServiceCollection AddPeerBotHosting(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        return services;
    }
}
