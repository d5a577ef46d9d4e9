using System.Globalization;
using System.Text;

namespace PeerBot.Safety.Matching;

/// <summary>How the normalizer classifies characters: the ASCII and Latin folding tables and the Unicode fallback.</summary>
internal static partial class TextNormalizer
{
    private static byte ClassifyRune(Rune rune, char first, out char mapped)
    {
        mapped = '\0';
        var value = rune.Value;
        if (value is 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x00AD || value is >= 0xFE00 and <= 0xFE0F
            || value is >= 0x1F3FB and <= 0x1F3FF || value is >= 0xE0000 and <= 0xE007F)
            return Skip;
        if (value == 0x200B)
            return Sep; // zero-width space separates words
        if (value is 0x2019 or 0x2018 or 0x02BC or 0x00B4 or 0x0060)
            return Apostrophe;
        if (value is >= 0xFF21 and <= 0xFF3A or >= 0xFF41 and <= 0xFF5A)
        {
            mapped = (char)((value - 0xFEE0) | 0x20); // fullwidth Latin letters
            return Letter;
        }
        var category = Rune.GetUnicodeCategory(rune);
        switch (category)
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.Format:
                return Skip;
            case UnicodeCategory.OtherSymbol:
                return Emoji;
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.ModifierLetter:
                if (rune.IsBmp)
                {
                    mapped = char.ToLowerInvariant(first);
                    return Letter;
                }
                return Sep;
            case UnicodeCategory.DecimalDigitNumber:
                if (rune.IsBmp)
                {
                    mapped = (char)('0' + (int)char.GetNumericValue(first));
                    return Digit;
                }
                return Sep;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return SentenceBreak;
            default:
                return value is 0x2026 or 0x3002 or 0xFF01 or 0xFF1F or 0x00A1 or 0x00BF ? SentenceBreak
                    : value is 0x2014 or 0x2013 or 0xFF0C ? ClauseBreak : Sep;
        }
    }

    private static byte[] BuildAsciiKinds()
    {
        var kinds = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            kinds[c] = Letter;
            kinds[c - 32] = Letter;
        }
        for (var c = '0'; c <= '9'; c++)
            kinds[c] = Digit;
        kinds['\''] = Apostrophe;
        kinds['`'] = Apostrophe;
        foreach (var c in ".!?;\n\r")
            kinds[c] = SentenceBreak;
        foreach (var c in ",:()[]{}\"")
            kinds[c] = ClauseBreak;
        return kinds;
    }

    /// <summary>Latin-1 and Latin Extended-A/B letters folded to a lower-case base letter (é → e, Ñ → n).</summary>
    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = (char)0xC0; c < 0x250; c++)
        {
            if (!char.IsLetter(c))
                continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = char.ToLowerInvariant(decomposed[0]);
            table[c] = baseChar < 128 ? baseChar : char.ToLowerInvariant(c);
        }
        table[0xDF] = 's'; // ß
        table[0xF8] = 'o'; // ø
        table[0xD8] = 'o';
        table[0x131] = 'i'; // dotless i
        return table;
    }
}
