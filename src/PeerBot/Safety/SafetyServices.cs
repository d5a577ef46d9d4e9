namespace PeerBot.Safety;

public static class SafetyServices
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSingleton<SafetyScreen>();
        return services;
    }
}
