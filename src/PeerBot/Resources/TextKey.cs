using System.Globalization;
using System.Text;

namespace PeerBot.Resources;

/// <summary>Case- and diacritic-insensitive keys for matching ("San José " → "san jose").</summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The 5-digit US ZIP in a postal code ("97201-1234" → "97201"), or null.</summary>
    public static string? Zip5(string? postalCode)
    {
        var trimmed = postalCode?.Trim();
        if (trimmed is null || trimmed.Length < 5 || !trimmed[..5].All(char.IsAsciiDigit))
            return null;
        var rest = trimmed[5..];
        return rest.Length == 0 || (rest.Length is 5 && rest[0] == '-' && rest[1..].All(char.IsAsciiDigit)) ||
               (rest.Length is 4 && rest.All(char.IsAsciiDigit))
            ? trimmed[..5]
            : null;
    }
}
