namespace PeerBot.Audit;

public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        return services;
    }
}
