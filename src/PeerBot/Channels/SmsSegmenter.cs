using System.Text;

namespace PeerBot.Channels;

/// <summary>
/// Counts SMS segments and splits long texts into messages of whole words. GSM-7 holds 160 characters in one SMS
/// and 153 per segment of a longer one (escape-table characters count twice); as soon as one character is outside
/// GSM-7 the whole message is UCS-2: 70 single, 67 per segment (an emoji counts two).
/// </summary>
public static class SmsSegmenter
{
    public const int Gsm7Single = 160;
    public const int Gsm7Segment = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Segment = 67;

    public static SmsEncoding EncodingOf(string text) => text.All(Gsm7.IsGsm) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;

    /// <summary>Length in the units of its encoding: septets for GSM-7, UTF-16 code units for UCS-2.</summary>
    public static int Length(string text) =>
        EncodingOf(text) == SmsEncoding.Gsm7 ? text.Sum(Gsm7.Septets) : text.Length;

    public static int Segments(string text)
    {
        var length = Length(text);
        var gsm = EncodingOf(text) == SmsEncoding.Gsm7;
        if (length <= (gsm ? Gsm7Single : Ucs2Single))
            return 1;
        var perSegment = gsm ? Gsm7Segment : Ucs2Segment;
        return (length + perSegment - 1) / perSegment;
    }

    /// <summary>How much fits in a message of at most <paramref name="segments"/> segments.</summary>
    public static int Capacity(SmsEncoding encoding, int segments) => encoding == SmsEncoding.Gsm7
        ? segments == 1 ? Gsm7Single : Gsm7Segment * segments
        : segments == 1 ? Ucs2Single : Ucs2Segment * segments;

    /// <summary>
    /// Splits <paramref name="text"/> into messages of at most <paramref name="maxSegments"/> segments each, at
    /// spaces or line breaks (a word is cut only when it alone is longer than a message). When there is more than one
    /// message each ends with " (i/n)", since carriers may deliver them out of order.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        text = text.Trim();
        if (Segments(text) <= maxSegments)
            return [text];
        // Room for the " (i/n)" counter, which is plain GSM-7.
        var parts = Pack(text, maxSegments, reserve: 8);
        return parts.Select((p, i) => $"{p} ({i + 1}/{parts.Count})").ToList();
    }

    private static List<string> Pack(string text, int maxSegments, int reserve)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var (separator, word) in Tokens(text))
        {
            var candidate = current.Length == 0 ? word : current + separator + word;
            if (Fits(candidate, maxSegments, reserve))
            {
                current.Clear().Append(candidate);
                continue;
            }
            // Prefer to end a message between paragraphs, else at a line break in its second half, so a question
            // and its options stay together.
            var text0 = current.ToString();
            var paragraph = text0.LastIndexOf("\n\n", StringComparison.Ordinal);
            var lineBreak = paragraph > text0.Length / 4 ? paragraph : text0.LastIndexOf('\n');
            current.Clear();
            if (lineBreak > text0.Length / 4 && (lineBreak == paragraph || lineBreak > text0.Length / 2))
            {
                parts.Add(text0[..lineBreak].TrimEnd());
                var carried = text0[(lineBreak + 1)..].TrimStart() + separator + word;
                if (Fits(carried, maxSegments, reserve))
                {
                    current.Append(carried);
                    continue;
                }
                parts.Add(text0[(lineBreak + 1)..].TrimStart());
            }
            else if (text0.Length > 0)
            {
                parts.Add(text0);
            }
            var rest = word;
            while (!Fits(rest, maxSegments, reserve))
            {
                var cut = LongestPrefixThatFits(rest, maxSegments, reserve);
                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }
            current.Append(rest);
        }
        if (current.Length > 0)
            parts.Add(current.ToString());
        return parts;
    }

    private static bool Fits(string text, int maxSegments, int reserve) =>
        Length(text) + reserve <= Capacity(EncodingOf(text), maxSegments);

    private static int LongestPrefixThatFits(string word, int maxSegments, int reserve)
    {
        var cut = 1;
        while (cut < word.Length && Fits(word[..(cut + 1)], maxSegments, reserve))
            cut++;
        if (cut < word.Length && char.IsHighSurrogate(word[cut - 1]) && cut > 1)
            cut--;   // never split an emoji's surrogate pair
        return cut;
    }

    /// <summary>Words with the whitespace that came before each (kept, so line breaks survive).</summary>
    private static IEnumerable<(string Separator, string Word)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            var separator = text[start..i];
            var wordStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            if (i > wordStart)
                yield return (separator, text[wordStart..i]);
        }
    }
}
