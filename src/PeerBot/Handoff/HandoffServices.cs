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
            .Validate(o => o.OnCall.All(e => e.IsValid),
                "PeerBot:Handoff:OnCall: every entry needs Phone in E.164 (+ and digits) and either both From and To (HH:mm, different) or neither.")
            .Validate(o => OnCallRoster.IsKnownZone(o.OnCallTimeZone), "PeerBot:Handoff:OnCallTimeZone is not a known time zone id.")
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
        services.AddSingleton<TypicalWaitCache>();
        services.AddScoped<HandoffNotices>();
        services.AddSingleton<HandoffAlertQueue>();
        services.AddHostedService<HandoffAlertWorker>();
        services.AddScoped<HandoffNotifier>();
        services.AddSingleton<OnCallRoster>();
        services.AddScoped<HandoffDesk>();
        services.AddScoped<HandoffRelay>();
        services.AddScoped<HandoffTimers>();
        services.AddScoped<TranscriptStore>();
        services.AddScoped<TranscriptJanitor>();
        services.AddScoped<HandoffReader>();
        services.AddScoped<RecoveryContextReader>();
        services.AddHostedService<HandoffTimerService>();
        services.AddHostedService<PostgresConsoleFanOut>(); // PostgreSQL only: console events across replicas
        services.AddHostedService<TranscriptSweepService>();
        return services;
    }
}
