using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Understands answers the way people type them on a phone: the option's number, its word in any case and with or
/// without accents, a unique prefix ("cop" for "Coping ideas"), or a small typo (edit distance 1, or 2 for longer
/// words).
/// </summary>
public static partial class AnswerMatcher
{
    /// <summary>Lower case, no accents, single spaces, no punctuation at either end.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).Trim(Punctuation);
    }

    private static readonly char[] Punctuation = ['.', ',', '!', '?', ';', ':', '¡', '¿', '"', '\'', '(', ')', '-'];

    /// <summary>
    /// Picks an option: <paramref name="candidates"/>[i] holds every way option i can be written (labels in each
    /// language, extra words). Returns the option's index or -1.
    /// </summary>
    /// <remarks>
    /// <paramref name="exactOnly"/>: only a whole label or word. <paramref name="strict"/>: the number, a whole
    /// label or word, or a small typo, but no prefix and no label inside a sentence (for yes/no, where "not sure"
    /// must never count as "sure").
    /// </remarks>
    public static int MatchChoice(
        string input, IReadOnlyList<IReadOnlyList<string>> candidates, bool exactOnly = false, bool strict = false)
    {
        var text = Normalize(input);
        if (text.Length == 0 || text.Length > 200)
            return -1;
        if (!exactOnly && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= 1 && number <= candidates.Count ? number - 1 : -1;

        var forms = candidates.Select(c => c.Select(Normalize).Where(f => f.Length > 0).Distinct().ToList()).ToList();
        var exact = Unique(forms, f => f == text);
        if (exact >= 0 || exactOnly)
            return exact;
        if (text.Length >= 3 && strict)
            return ClosestWithin(forms, text);
        if (text.Length >= 3)
        {
            var prefix = Unique(forms, f => f.StartsWith(text, StringComparison.Ordinal)
                || f.Split(' ').Any(w => w.Length >= 4 && w.StartsWith(text, StringComparison.Ordinal)));
            if (prefix >= 0)
                return prefix;
            var typo = ClosestWithin(forms, text);
            if (typo >= 0)
                return typo;
        }
        return strict ? -1 : Unique(forms, f => f.Length >= 4 && $" {text} ".Contains($" {f} ", StringComparison.Ordinal));
    }

    /// <summary>The first whole number in the text, if any ("about 7" → 7).</summary>
    public static int? FirstNumber(string input)
    {
        var match = NumberPattern().Match(input);
        return match.Success && int.TryParse(match.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit ("yse" → "yes").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static int Unique(List<List<string>> forms, Func<string, bool> test)
    {
        var found = -1;
        for (var i = 0; i < forms.Count; i++)
        {
            if (!forms[i].Any(test))
                continue;
            if (found >= 0)
                return -1;
            found = i;
        }
        return found;
    }

    private static int ClosestWithin(List<List<string>> forms, string text)
    {
        var allowed = text.Length <= 5 ? 1 : 2;
        var distances = forms
            .Select(f => f.Where(x => Math.Abs(x.Length - text.Length) <= allowed)
                .Select(x => Distance(x, text)).DefaultIfEmpty(int.MaxValue).Min())
            .ToList();
        var best = distances.Min();
        if (best > allowed || distances.Count(d => d == best) != 1)
            return -1;
        return distances.IndexOf(best);
    }

    [GeneratedRegex(@"-?\d{1,6}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
