using PeerBot.PeerConsole;

namespace PeerBot.Summaries;

public static class SummaryServices
{
    /// <summary>Consent, episodes, summaries, erasure and the key-ring check. Call after AddHandoff and AddPeerConsole.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>()
            .BindConfiguration(SummaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ConsentTexts>();
        services.AddSingleton<SummaryProtector>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<EpisodeRecorder>();
        services.AddScoped<DataEraser>();
        services.AddScoped<PrivacyDesk>();
        services.AddScoped<SummaryRedactor>();
        services.AddScoped<SummaryBuilder>();
        services.AddScoped<SummaryReader>();
        services.AddScoped<PrivacySweeper>();
        services.AddHostedService<KeyRingCheck>();
        services.AddHostedService<PrivacySweepService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SummaryEndpoints.AdminPolicy, p => p.RequireRole(PeerRoles.Admin));
        return services;
    }
}
