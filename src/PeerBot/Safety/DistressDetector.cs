using System.Buffers;
using System.Numerics;
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
        // Per-thread buffers, grown in powers of two to the longest message this thread has scanned (at most
        // MaxScanChars): no pool traffic and no allocation in the steady state. The match buffer keeps the capacity
        // scans have always had (at least three matches per character, rounded up to a power of two above 512).
        var buffers = _buffers ??= new ScanBuffers(SmallChars);
        if (buffers.Chars < scanLength)
            _buffers = buffers = new ScanBuffers((int)BitOperations.RoundUpToPowerOf2((uint)scanLength));
        var matchCapacity = MatchCapacity(scanLength);
        return Scan(text, buffers.Norm, buffers.Tokens, buffers.Matches.AsSpan(0, matchCapacity));
    }

    private static int MatchCapacity(int chars) => chars <= SmallChars
        ? SmallChars * 3 + 16
        : (int)BitOperations.RoundUpToPowerOf2((uint)(chars * 3 + 16));

    private DistressAssessment Scan(ReadOnlySpan<char> text, char[] norm, Token[] tokens, Span<PatternMatch> matches)
    {
        var count = _lexicon.Tokenize(text, norm, tokens, MaxScanChars);
        if (count == 0)
            return DistressAssessment.None;
        var tokenSpan = new ReadOnlySpan<Token>(tokens, 0, count);
        var matchCount = _lexicon.Trie.MatchAll(tokenSpan, matches);
        return matchCount == 0
            ? DistressAssessment.None
            : _judge.Judge(text, tokenSpan, matches[..matchCount]);
    }

    private const int SmallChars = 512;

    [ThreadStatic]
    private static ScanBuffers? _buffers;

    private sealed class ScanBuffers(int chars)
    {
        public int Chars { get; } = chars;
        public char[] Norm { get; } = new char[chars];
        public Token[] Tokens { get; } = new Token[chars];
        public PatternMatch[] Matches { get; } = new PatternMatch[MatchCapacity(chars)];
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
