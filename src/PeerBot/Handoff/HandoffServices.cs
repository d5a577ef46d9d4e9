using Microsoft.AspNetCore.DataProtection;
using PeerBot.Audit;
using PeerBot.Data;

namespace PeerBot.Handoff;

public static class HandoffServices
{
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>()
            .BindConfiguration(HandoffOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TranscriptPrivacyOptions>()
            .BindConfiguration(TranscriptPrivacyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Transcript encryption (and console cookies/tokens): keys live in the database, shared by every replica.
        services.AddDataProtection()
            .SetApplicationName("PeerBot")
            .PersistKeysToDbContext<PeerBotDb>();

        services.AddAudit();
        services.AddSingleton<HandoffEvents>();
        services.AddScoped<HandoffQueue>();
        services.AddScoped<HandoffNotices>();
        services.AddScoped<HandoffNotifier>();
        services.AddScoped<HandoffDesk>();
        services.AddScoped<HandoffRelay>();
        services.AddScoped<HandoffTimers>();
        services.AddScoped<TranscriptStore>();
        services.AddScoped<TranscriptJanitor>();
        services.AddScoped<HandoffReader>();
        services.AddScoped<RecoveryContextReader>();
        services.AddHostedService<HandoffTimerService>();
        services.AddHostedService<TranscriptSweepService>();
        return services;
    }
}
