using System.ComponentModel.DataAnnotations;

namespace PeerBot.Summaries;

/// <summary>
/// Protection of the Data Protection key ring at rest (it lives in the database, next to what it encrypts). With a
/// certificate, new keys are stored encrypted to it (<c>ProtectKeysWithCertificate</c>); keys written before stay
/// readable and age out at rotation. Same section as the transcript retention settings.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "PeerBot:Privacy";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key.</summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/> (from a secret store, never appsettings.json).</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate with its private key in the CurrentUser or LocalMachine "My" store.</summary>
    public string? KeyCertificateThumbprint { get; set; }

    /// <summary>Refuse to start outside Development without a key certificate (otherwise a warning is logged).</summary>
    public bool RequireKeyCertificate { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(KeyCertificatePath) || !string.IsNullOrWhiteSpace(KeyCertificateThumbprint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(KeyCertificatePath) && !string.IsNullOrWhiteSpace(KeyCertificateThumbprint))
            yield return new ValidationResult("Set KeyCertificatePath or KeyCertificateThumbprint, not both.",
                [nameof(KeyCertificatePath), nameof(KeyCertificateThumbprint)]);
    }
}
