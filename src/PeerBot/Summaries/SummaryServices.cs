using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerBot.PeerConsole;

namespace PeerBot.Summaries;

public static class SummaryServices
{
    /// <summary>
    /// As <see cref="AddSummaries(IServiceCollection)"/>, and the key ring stored encrypted to the certificate in
    /// <c>PeerBot:Privacy:KeyCertificatePath</c> (+ <c>KeyCertificatePassword</c>) or <c>KeyCertificateThumbprint</c>
    /// when one is set (start-up warns outside Development when none is). Call after AddHandoff.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keyRing = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var certificate = KeyRingCertificate.Load(keyRing);
        if (certificate is not null)
            services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        services.AddSingleton(new KeyRingCertificate(certificate));
        return services.AddSummaries();
    }

    /// <summary>Consent, episodes, summaries, erasure, key-ring protection and the key-ring check. Call after AddHandoff and AddPeerConsole.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>()
            .BindConfiguration(SummaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<KeyRingOptions>()
            .BindConfiguration(KeyRingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(new KeyRingCertificate(null)); // none unless AddSummaries(configuration) found one
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
