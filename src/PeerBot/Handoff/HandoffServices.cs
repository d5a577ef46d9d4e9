namespace PeerBot.Handoff;

public static class HandoffServices
{
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddScoped<HandoffQueue>();
        return services;
    }
}
