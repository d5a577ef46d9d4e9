using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

/// <summary>
/// The Data Protection key ring at rest (issue 6): with a certificate configured, keys are stored encrypted to it and
/// only that certificate opens them; without one, keys are in the clear and outside Development a warning says so.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Production = "Production";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("peerbot-keycert-");

    private string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "peerbot.db")}";

    [Fact]
    public async Task KeyCertificate_Configured_KeysEncryptedAtRestAndReadableOnlyWithIt()
    {
        var (path, password, thumbprint) = WriteSelfSignedPfx();
        var withCertificate = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PeerBot"] = ConnectionString,
            ["PeerBot:Privacy:KeyCertificatePath"] = path,
            ["PeerBot:Privacy:KeyCertificatePassword"] = password,
        };
        await using (var first = new PeerBotApp(withCertificate))
        {
            await first.OptInAsync(new ActivityBuilder());
            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the master key, in the clear without a certificate
            });
            Assert.True(first.Logs.Contains(thumbprint));
        }

        // The same certificate opens the ring again (the start-up check decrypts the probe written above).
        await using (var again = new PeerBotApp(withCertificate))
        using (again.CreateClient()) { }

        // Without it the keys cannot be read: start-up fails loudly instead of writing unreadable data.
        await using var without = new PeerBotApp(new Dictionary<string, string?> { ["ConnectionStrings:PeerBot"] = ConnectionString });
        var error = Assert.ThrowsAny<Exception>(() => without.CreateClient());
        Assert.Contains("key ring", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NoKeyCertificate_Production_KeysInTheClearAndWarned()
    {
        await using var app = new PeerBotApp(ProductionSettings(), environment: Production);
        using (app.CreateClient()) { }

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());
        Assert.Contains(keys, xml => xml.Contains("<value>", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Records, r => r.Contains("|8012|", StringComparison.Ordinal) && r.Contains("UNENCRYPTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoKeyCertificate_Development_NoWarning()
    {
        await using var app = new PeerBotApp();
        using (app.CreateClient()) { }

        Assert.DoesNotContain(app.Logs.Records, r => r.Contains("|8012|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequireKeyCertificate_NoneConfigured_RefusesToStart()
    {
        var settings = ProductionSettings();
        settings["PeerBot:Privacy:RequireKeyCertificate"] = "true";
        await using var app = new PeerBotApp(settings, environment: Production);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("RequireKeyCertificate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyCertificate_WrongPassword_FailsStartUpNamingTheSetting()
    {
        var (path, _, _) = WriteSelfSignedPfx();
        await using var app = new PeerBotApp(new Dictionary<string, string?>
        {
            ["PeerBot:Privacy:KeyCertificatePath"] = path,
            ["PeerBot:Privacy:KeyCertificatePassword"] = "not-the-password",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("KeyCertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    private static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["PeerBot:BotFramework:AppId"] = "00000000-0000-0000-0000-000000000001",
        ["PeerBot:BotFramework:AppPassword"] = "not-used-here",
    };

    /// <summary>A fresh self-signed RSA certificate with its private key, as a password-protected .pfx.</summary>
    private (string Path, string Password, string Thumbprint) WriteSelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PeerBot key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password, certificate.Thumbprint);
    }
}
