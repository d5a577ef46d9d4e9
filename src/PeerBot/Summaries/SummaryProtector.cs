using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace PeerBot.Summaries;

/// <summary>Encrypts summaries and episode facts with Data Protection, purpose <see cref="Purpose"/>.</summary>
public sealed class SummaryProtector(IDataProtectionProvider protection)
{
    public const string Purpose = "PeerBot.Summaries";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The cipher text, or null when encryption failed (then nothing may be written).</summary>
    public string? TryProtect<T>(T value, ILogger logger)
    {
        try
        {
            return _protector.Protect(JsonSerializer.Serialize(value, Json));
        }
        catch (CryptographicException ex)
        {
            SummaryLog.EncryptFailed(logger, ex);
            return null;
        }
    }

    public T Unprotect<T>(string cipher) =>
        JsonSerializer.Deserialize<T>(_protector.Unprotect(cipher), Json)
        ?? throw new InvalidDataException("An encrypted summary record was empty.");
}
