namespace PeerBot.Safety.Matching;

/// <summary>The lexicon in matching form: vocabulary, one trie for all patterns, rules and cue classes.</summary>
internal sealed class CompiledLexicon
{
    public required string SourcePath { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required PatternTrie Trie { get; init; }
    public required PatternTarget[] Targets { get; init; }
    public required CompiledRule[] Rules { get; init; }
    public required CompiledExclusion[] Exclusions { get; init; }
    public required int NegationWindow { get; init; }

    /// <summary>For each co-occurrence part (by global part index), the index of its rule in <see cref="Rules"/>.</summary>
    public required int[] PartRules { get; init; }
    public required int PatternCount { get; init; }
    public required ulong NumClass { get; init; }
    public required ulong YearClass { get; init; }
    public required ulong FirstPersonClass { get; init; }
    public required ulong ThirdPersonClass { get; init; }
    public required ulong ClauseBreakClass { get; init; }
    public required ulong SpanishClass { get; init; }
    public required ulong EnglishClass { get; init; }

    /// <summary>Normalizes and tokenizes <paramref name="text"/> (only its first and last half-cap when longer).</summary>
    public int Tokenize(ReadOnlySpan<char> text, Span<char> norm, Span<Token> tokens, int maxChars)
    {
        int sentence = 0, clause = 0, normLength = 0, count;
        if (text.Length <= maxChars)
        {
            count = TextNormalizer.Normalize(text, 0, norm, ref normLength, tokens, 0, ref sentence, ref clause);
        }
        else
        {
            var half = maxChars / 2;
            count = TextNormalizer.Normalize(text[..half], 0, norm, ref normLength, tokens, 0, ref sentence, ref clause);
            sentence++;
            clause++;
            count = TextNormalizer.Normalize(text[^half..], text.Length - half, norm, ref normLength, tokens, count,
                ref sentence, ref clause);
        }

        Vocabulary.Identify(norm, tokens[..count]);
        var extraClause = 0;
        var clauseBreak = ClauseBreakClass;
        for (var i = 0; i < count; i++)
        {
            ref var token = ref tokens[i];
            if ((token.Flags & TokenFlags.LeadingDigit) != 0)
                token.Classes |= NumberClasses(norm.Slice(token.NormStart, token.NormLength), token.Flags);
            if ((token.Classes & clauseBreak) != 0)
                extraClause++;
            token.Clause += extraClause;
        }
        return count;
    }

    /// <summary>A token starting with a digit is a number; four digits from 1900 to 2099 are also a year.</summary>
    private ulong NumberClasses(ReadOnlySpan<char> word, TokenFlags flags) =>
        (flags & TokenFlags.Letter) == 0 && word.Length == 4 && word[0] is '1' or '2' && (word[..2] is "19" || word[..2] is "20")
            ? NumClass | YearClass
            : NumClass;
}
