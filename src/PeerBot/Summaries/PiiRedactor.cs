using System.Text.RegularExpressions;

namespace PeerBot.Summaries;

/// <summary>What a redaction left and how many items it masked.</summary>
public sealed record Redacted(string Text, int Count);

/// <summary>
/// Masks PII that has a shape, before anything is stored in a summary: emails, URLs, SSNs, dates (dates of birth
/// among them), phone numbers and street addresses, each replaced by a label such as <c>[phone]</c>. Names have no
/// shape; <see cref="SummaryRedactor"/> adds Azure AI Language PII for them when it is configured.
/// </summary>
public static partial class PiiRedactor
{
    private const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int TimeoutMs = 250;

    public static Redacted Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var result = text;
        foreach (var (pattern, label) in Rules)
        {
            result = pattern.Replace(result, _ =>
            {
                count++;
                return label;
            });
        }
        return new Redacted(result, count);
    }

    // Order matters: emails and URLs before numbers inside them, SSNs before phones, dates before phones.
    private static readonly (Regex Pattern, string Label)[] Rules =
    [
        (Email(), "[email]"),
        (Url(), "[url]"),
        (BareDomain(), "[url]"),
        (Ssn(), "[ssn]"),
        (NumericDate(), "[date]"),
        (IsoDate(), "[date]"),
        (WrittenDate(), "[date]"),
        (SpanishDate(), "[date]"),
        (Phone(), "[phone]"),
        (StreetAddress(), "[address]"),
        (SpanishAddress(), "[address]"),
    ];

    [GeneratedRegex(@"[A-Z0-9._%+\-]+@[A-Z0-9.\-]+\.[A-Z]{2,}", Flags, TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", Flags, TimeoutMs)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[A-Z0-9][A-Z0-9\-]*(?:\.[A-Z0-9\-]+)*\.(?:com|org|net|gov|edu|io|co|us|info|me|ly|app)\b(?:/[^\s<>""]*)?", Flags, TimeoutMs)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"\b\d{3}[\s\-]\d{2}[\s\-]\d{4}\b", Flags, TimeoutMs)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b", Flags, TimeoutMs)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b", Flags, TimeoutMs)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?:19|20)\d{2}\b", Flags, TimeoutMs)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+de)?\s+(?:19|20)\d{2}\b", Flags, TimeoutMs)]
    private static partial Regex SpanishDate();

    [GeneratedRegex(@"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{3}\)|\b\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}\b|\+\d[\d\s.\-]{7,14}\d\b", Flags, TimeoutMs)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b\d{1,6}\s+(?:[A-Z0-9.'\-]+\s+){0,4}?(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|highway|hwy|parkway|pkwy|square|sq)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|\#)\.?\s*[A-Z0-9\-]+)?", Flags, TimeoutMs)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b(?:calle|avenida|avda\.?|av\.|carrera|paseo)\s+(?:[\p{L}.']+\s+){0,4}?(?:\#\s*|n[ºo°]\.?\s*)?\d{1,6}\b", Flags, TimeoutMs)]
    private static partial Regex SpanishAddress();
}
