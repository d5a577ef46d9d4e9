namespace PeerBot.Safety.Lexicon;

/// <summary>
/// The lexicon's <c>contractions</c>: a pattern word written as a contraction also matches its spelled-out forms
/// ("dont" also "do not", "im" also "i am"), so clinicians write each phrase once and formal writers ("I do not
/// want to be here", "I cannot go on") are read like texters. Applied to every pattern when it is compiled; the
/// scan itself is unchanged.
/// </summary>
internal sealed class Contractions(Func<string, List<string>> tokens)
{
    private readonly Dictionary<string, string[]> _expansions = new(StringComparer.Ordinal);

    public bool IsEmpty => _expansions.Count == 0;

    /// <summary>Adds one entry: a single word (after normalization) and its forms, written "do not" or "can not|cannot".</summary>
    public bool Add(string contraction, string forms)
    {
        var key = tokens(contraction);
        if (key.Count != 1 || _expansions.ContainsKey(key[0]))
            return false;
        var expansions = forms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => string.Join('_', tokens(f)))
            .Where(f => f.Length > 0)
            .ToArray();
        if (expansions.Length == 0)
            return false;
        _expansions[key[0]] = expansions;
        return true;
    }

    /// <summary>The pattern with each contraction alternative followed by its spelled-out forms.</summary>
    public string Apply(string pattern)
    {
        if (IsEmpty)
            return pattern;
        var pieces = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var p = 0; p < pieces.Length; p++)
        {
            var piece = pieces[p];
            if (piece is "..." or "*")
                continue;
            var optional = piece.Length > 1 && piece.EndsWith('?');
            var body = optional ? piece[..^1] : piece;
            var alternatives = body.Split('|').ToList();
            var added = false;
            foreach (var alternative in alternatives.ToList())
            {
                if (alternative.StartsWith('<') || alternative.Contains('_', StringComparison.Ordinal))
                    continue;
                var words = tokens(alternative);
                if (words.Count != 1 || !_expansions.TryGetValue(words[0], out var forms))
                    continue;
                foreach (var form in forms)
                {
                    if (!alternatives.Contains(form, StringComparer.Ordinal))
                    {
                        alternatives.Add(form);
                        added = true;
                    }
                }
            }
            if (!added)
                continue;
            pieces[p] = string.Join('|', alternatives) + (optional ? "?" : string.Empty);
            changed = true;
        }
        return changed ? string.Join(' ', pieces) : pattern;
    }
}
