namespace PeerBot.Safety.Matching;

/// <summary>
/// Every word the lexicon mentions, with its id and word classes. Lookups take spans (no allocation). Elongated
/// words ("dieeee") are also looked up fully squeezed ("die"), and words mixing letters and digits are tried with
/// leetspeak undone ("su1c1d3" → "suicide").
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _squeezedLookup;
    private readonly ulong[] _classes;

    public Vocabulary(Dictionary<string, int> words, ulong[] classes)
    {
        _words = words;
        _classes = classes;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var squeezed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, id) in words.OrderBy(w => w.Value))
        {
            var key = Squeeze(word);
            if (!squeezed.ContainsKey(key) || key == word)
                squeezed[key] = id;
        }
        _squeezedLookup = squeezed.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Count;

    public ulong ClassesOf(int wordId) => _classes[wordId];

    public int Lookup(ReadOnlySpan<char> word, TokenFlags flags)
    {
        if (_wordLookup.TryGetValue(word, out var id))
            return id;
        if (word.Length > 64)
            return -1;
        Span<char> buffer = stackalloc char[word.Length];
        if ((flags & TokenFlags.Elongated) != 0)
        {
            var n = Squeeze(word, buffer);
            if (_squeezedLookup.TryGetValue(buffer[..n], out id))
                return id;
        }
        if ((flags & (TokenFlags.Letter | TokenFlags.Digit)) == (TokenFlags.Letter | TokenFlags.Digit))
        {
            for (var i = 0; i < word.Length; i++)
                buffer[i] = Unleet(word[i]);
            if (_wordLookup.TryGetValue(buffer[..word.Length], out id))
                return id;
            Span<char> squeezed = stackalloc char[word.Length];
            var n = Squeeze(buffer[..word.Length], squeezed);
            if (_squeezedLookup.TryGetValue(squeezed[..n], out id))
                return id;
        }
        return -1;
    }

    private static char Unleet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        _ => c,
    };

    internal static string Squeeze(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..Squeeze(word, buffer)]);
    }

    private static int Squeeze(ReadOnlySpan<char> word, Span<char> output)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (n > 0 && output[n - 1] == c && char.IsLetter(c))
                continue;
            output[n++] = c;
        }
        return n;
    }
}
