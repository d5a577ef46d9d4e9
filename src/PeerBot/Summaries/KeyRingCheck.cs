using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using PeerBot.Data;

namespace PeerBot.Summaries;

/// <summary>A value encrypted with the key ring when the database was first used, to prove the ring still reads it.</summary>
public sealed class KeyRingProbe
{
    public int Id { get; init; }
    public required string Cipher { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class KeyRingProbeConfiguration : IEntityTypeConfiguration<KeyRingProbe>
{
    public void Configure(EntityTypeBuilder<KeyRingProbe> builder)
    {
        builder.ToTable("KeyRingProbe");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// At start-up (after the schema exists): the Data Protection key ring must decrypt the probe written when this
/// database was first used. A corrupt, replaced or foreign key ring fails start-up loudly instead of writing
/// summaries and transcripts nobody can read later. Before that, the key-ring certificate (when configured) must
/// load; outside Development, a key ring stored without one is warned about, or refused with
/// <see cref="KeyRingOptions.RequireKeyCertificate"/>.
/// </summary>
internal sealed class KeyRingCheck(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    KeyRingCertificate keyCertificate,
    IOptions<KeyRingOptions> keyOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<KeyRingCheck> logger)
    : IHostedService
{
    public const string Purpose = "PeerBot.KeyRingProbe";
    private const string Expected = "peerbot-key-ring-probe-v1";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CheckKeyProtection();
        var protector = protection.CreateProtector(Purpose);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var probe = await db.Set<KeyRingProbe>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == 1, cancellationToken);
        try
        {
            if (probe is not null && protector.Unprotect(probe.Cipher) != Expected)
                throw new CryptographicException("The key ring probe decrypted to an unexpected value.");
            if (protector.Unprotect(protector.Protect(Expected)) != Expected)
                throw new CryptographicException("The key ring cannot round-trip a value.");
        }
        catch (CryptographicException ex)
        {
            SummaryLog.KeyRingUnreadable(logger, ex);
            throw new InvalidOperationException(
                "The Data Protection key ring in the database cannot decrypt data written earlier (corrupt, replaced or " +
                "from another application). Refusing to start: restore the DataProtectionKeys table from backup.", ex);
        }
        if (probe is null)
        {
            db.Add(new KeyRingProbe { Id = 1, Cipher = protector.Protect(Expected), CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void CheckKeyProtection()
    {
        if (keyCertificate.Certificate is { } certificate)
        {
            SummaryLog.KeyRingProtected(logger, certificate.Thumbprint);
            return;
        }
        if (environment.IsDevelopment())
            return;
        if (keyOptions.Value.RequireKeyCertificate)
            throw new InvalidOperationException(
                $"{KeyRingOptions.Section}:RequireKeyCertificate is set but no key-ring certificate is configured: set " +
                $"{KeyRingOptions.Section}:KeyCertificatePath (and KeyCertificatePassword) or KeyCertificateThumbprint.");
        SummaryLog.KeyRingUnprotected(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
