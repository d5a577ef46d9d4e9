using System.Buffers;
using PeerBot.Conversations;
using PeerBot.Safety.Lexicon;
using PeerBot.Safety.Matching;

namespace PeerBot.Safety;

/// <summary>
/// Scans one message against the lexicon (dialogs/safety/lexicon.yaml): normalization, one trie walk over the tokens,
/// co-occurrence (concept) rules over the hits, then idiom exclusions, negation, tense and third-person modifiers.
/// A message with no hit allocates nothing.
/// Texts longer than <see cref="MaxScanChars"/> are scanned at their start and their end.
/// </summary>
public sealed class DistressDetector
{
    public const int MaxScanChars = 4000;

    private readonly CompiledLexicon _lexicon;
    private readonly SignalJudge _judge;

    internal DistressDetector(CompiledLexicon lexicon)
    {
        _lexicon = lexicon;
        _judge = new SignalJudge(lexicon);
    }

    internal CompiledLexicon Lexicon => _lexicon;

    internal int PatternCount => _lexicon.PatternCount;

    /// <summary>Loads and validates a lexicon file; throws <see cref="LexiconException"/> when invalid.</summary>
    internal static DistressDetector FromFile(string path) => new(LexiconLoader.Load(path));

    public DistressAssessment Scan(ClientText text) => Scan(text.Value.AsSpan());

    internal DistressAssessment Scan(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return DistressAssessment.None;
        var scanLength = Math.Min(text.Length, MaxScanChars);
        if (scanLength <= SmallBuffers.Chars)
        {
            // Typical messages use per-thread buffers: no pool traffic and no allocation when nothing matches.
            var buffers = _small ??= new SmallBuffers();
            return Scan(text, buffers.Norm, buffers.Tokens, buffers.Matches);
        }
        var norm = ArrayPool<char>.Shared.Rent(scanLength);
        var tokens = ArrayPool<Token>.Shared.Rent(scanLength);
        var matches = ArrayPool<PatternMatch>.Shared.Rent(scanLength * 3 + 16);
        try
        {
            return Scan(text, norm, tokens, matches);
        }
        finally
        {
            ArrayPool<PatternMatch>.Shared.Return(matches);
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(norm);
        }
    }

    private DistressAssessment Scan(ReadOnlySpan<char> text, char[] norm, Token[] tokens, PatternMatch[] matches)
    {
        var count = _lexicon.Tokenize(text, norm, tokens, MaxScanChars);
        if (count == 0)
            return DistressAssessment.None;
        var tokenSpan = new ReadOnlySpan<Token>(tokens, 0, count);
        var matchCount = _lexicon.Trie.MatchAll(tokenSpan, matches);
        return matchCount == 0
            ? DistressAssessment.None
            : _judge.Judge(text, tokenSpan, new ReadOnlySpan<PatternMatch>(matches, 0, matchCount));
    }

    [ThreadStatic]
    private static SmallBuffers? _small;

    private sealed class SmallBuffers
    {
        public const int Chars = 512;
        public char[] Norm { get; } = new char[Chars];
        public Token[] Tokens { get; } = new Token[Chars];
        public PatternMatch[] Matches { get; } = new PatternMatch[Chars * 3 + 16];
    }

    /// <summary>True when the words look Spanish rather than English (used to pick the reply language).</summary>
    public bool LooksSpanish(ClientText text)
    {
        var span = text.Value.AsSpan();
        if (span.IsEmpty)
            return false;
        var scanLength = Math.Min(span.Length, MaxScanChars);
        var norm = ArrayPool<char>.Shared.Rent(scanLength);
        var tokens = ArrayPool<Token>.Shared.Rent(scanLength);
        try
        {
            var count = _lexicon.Tokenize(span, norm, tokens, MaxScanChars);
            int spanish = 0, english = 0;
            foreach (ref readonly var token in tokens.AsSpan(0, count))
            {
                if ((token.Classes & _lexicon.SpanishClass) != 0)
                    spanish++;
                if ((token.Classes & _lexicon.EnglishClass) != 0)
                    english++;
            }
            return spanish > english;
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(norm);
        }
    }
}
