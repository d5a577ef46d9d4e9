using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PeerBot.Summaries;

/// <summary>
/// The certificate that protects the key ring at rest (<see cref="KeyRingOptions"/>), or null when none is
/// configured. Loaded when services are registered, so that Data Protection can be set up with it
/// (<c>ProtectKeysWithCertificate</c>); a configured certificate that cannot be used (missing file, wrong password,
/// not in the store, no private key, not RSA) throws there, failing start-up with a message naming the setting.
/// </summary>
public sealed class KeyRingCertificate(X509Certificate2? certificate) : IDisposable
{
    public X509Certificate2? Certificate { get; } = certificate;

    public void Dispose() => Certificate?.Dispose();

    public static X509Certificate2? Load(KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.KeyCertificatePath) && !string.IsNullOrWhiteSpace(options.KeyCertificateThumbprint))
            throw new InvalidOperationException(
                $"{KeyRingOptions.Section}: set KeyCertificatePath or KeyCertificateThumbprint, not both.");
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(options.KeyCertificatePath))
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(options.KeyCertificatePath, options.KeyCertificatePassword);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"{KeyRingOptions.Section}:KeyCertificatePath: the key-ring certificate could not be loaded " +
                    "(missing file, wrong KeyCertificatePassword, or not a PKCS#12 file).", ex);
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.KeyCertificateThumbprint))
            certificate = FromStore(options.KeyCertificateThumbprint)
                ?? throw new InvalidOperationException(
                    $"{KeyRingOptions.Section}:KeyCertificateThumbprint: no certificate with a private key and that thumbprint " +
                    "in the CurrentUser or LocalMachine 'My' store.");
        else
            return null;

        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{KeyRingOptions.Section}: the key-ring certificate must be an RSA certificate with its private key.");
        }
        return certificate;
    }

    private static X509Certificate2? FromStore(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", "", StringComparison.Ordinal).Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            var match = found.FirstOrDefault(c => c.HasPrivateKey);
            foreach (var other in found.Where(c => !ReferenceEquals(c, match)))
                other.Dispose();
            if (match is not null)
                return match;
        }
        return null;
    }
}
