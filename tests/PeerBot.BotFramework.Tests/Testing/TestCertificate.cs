using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>A self-signed certificate for 127.0.0.1, and an HTTP handler that trusts exactly it.</summary>
internal static class TestCertificate
{
    private static readonly Lazy<byte[]> Pfx = new(CreatePfx);

    /// <summary>A fresh copy (the caller disposes it) of the one certificate generated for the test run.</summary>
    public static X509Certificate2 Create() => X509CertificateLoader.LoadPkcs12(Pfx.Value, null);

    private static byte[] CreatePfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        return created.Export(X509ContentType.Pfx);
    }

    public static HttpMessageHandler TrustingHandler(X509Certificate2 certificate) => new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
    };
}
