using System.Runtime.CompilerServices;

namespace PeerBot.Safety.Matching;

/// <summary>
/// Every word the lexicon mentions, with its id and word classes. Lookups take spans (no allocation). Elongated
/// words ("dieeee") are also looked up fully squeezed ("die"), and words mixing letters and digits are tried with
/// leetspeak undone ("su1c1d3" → "suicide").
/// </summary>
internal sealed class Vocabulary
{
    private readonly WordTable _words;
    private readonly WordTable _squeezed;
    private readonly ulong[] _classes;

    public Vocabulary(Dictionary<string, int> words, ulong[] classes)
    {
        Count = words.Count;
        _words = new WordTable(words);
        _classes = classes;
        var squeezed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, id) in words.OrderBy(w => w.Value))
        {
            var key = Squeeze(word);
            if (!squeezed.ContainsKey(key) || key == word)
                squeezed[key] = id;
        }
        _squeezed = new WordTable(squeezed);
    }

    public int Count { get; }

    public int WordIds => _classes.Length;

    public ulong ClassesOf(int wordId) => _classes[wordId];

    /// <summary>
    /// Sets every token's word id and classes. A method of its own, so that the lookups' state (hash, slot, the
    /// token) stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Identify(ReadOnlySpan<char> norm, Span<Token> tokens)
    {
        var classes = _classes;
        foreach (ref var token in tokens)
        {
            var id = Lookup(norm, token.NormStart, token.NormLength, token.Flags);
            token.WordId = id;
            token.Classes = id >= 0 ? classes[id] : 0UL;
        }
    }

    /// <summary>The id of the word at <paramref name="start"/> in the normalized <paramref name="buffer"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Lookup(ReadOnlySpan<char> buffer, int start, int length, TokenFlags flags)
    {
        var id = _words.Find(buffer, start, length);
        if (id >= 0 || length > 64
            || (flags & (TokenFlags.Elongated | TokenFlags.Digit)) == 0)
            return id;
        return LookupVariants(buffer.Slice(start, length), flags);
    }

    /// <summary>Elongated words squeezed, and leetspeak undone, when the word itself is unknown.</summary>
    private int LookupVariants(ReadOnlySpan<char> word, TokenFlags flags)
    {
        int id;
        Span<char> buffer = stackalloc char[64];
        if ((flags & TokenFlags.Elongated) != 0)
        {
            var n = Squeeze(word, buffer);
            id = _squeezed.Find(buffer[..n]);
            if (id >= 0)
                return id;
        }
        if ((flags & (TokenFlags.Letter | TokenFlags.Digit)) == (TokenFlags.Letter | TokenFlags.Digit))
        {
            for (var i = 0; i < word.Length; i++)
                buffer[i] = Unleet(word[i]);
            id = _words.Find(buffer[..word.Length]);
            if (id >= 0)
                return id;
            Span<char> squeezed = stackalloc char[64];
            var n = Squeeze(buffer[..word.Length], squeezed);
            return _squeezed.Find(squeezed[..n]);
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
