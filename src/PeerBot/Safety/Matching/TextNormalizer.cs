using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace PeerBot.Safety.Matching;

/// <summary>
/// One linear pass over the text: case folding, diacritics removed, apostrophes dropped inside words, letter runs of
/// three or more collapsed to two (flagged as elongation), emoji as one token each, invisible marks (combining
/// marks, zero-width joiners, variation selectors, skin tones) skipped, and sentence/clause boundaries recorded.
/// Invalid UTF-16 is treated as a separator. Nothing here allocates.
/// </summary>
internal static partial class TextNormalizer
{
    private const byte Sep = 0, Letter = 1, Digit = 2, Apostrophe = 3, SentenceBreak = 4, ClauseBreak = 5;

    private static readonly byte[] AsciiKind = BuildAsciiKinds();
    private static readonly char[] Fold = BuildFoldTable();

    /// <summary>
    /// Normalizes <paramref name="input"/>. Returns the number of tokens written. <paramref name="vectorized"/> false
    /// turns the chunked ASCII fast path off (the tests compare both ways; the result must be the same).
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> input, int origOffset, Span<char> norm, ref int normLength,
        Span<Token> tokens, int tokenCount, ref int sentence, ref int clause, bool vectorized = true)
    {
        // Work on locals (kept in registers) and write the running positions back once at the end.
        int length = normLength, sentenceIndex = sentence, clauseIndex = clause;
        tokenCount = Run(input, origOffset, norm, ref length, tokens, tokenCount, ref sentenceIndex, ref clauseIndex,
            vectorized && Vector128.IsHardwareAccelerated);
        normLength = length;
        sentence = sentenceIndex;
        clause = clauseIndex;
        return tokenCount;
    }

    private static int Run(ReadOnlySpan<char> input, int origOffset, Span<char> norm, ref int normLengthRef,
        Span<Token> tokens, int tokenCount, ref int sentenceRef, ref int clauseRef, bool vectorized)
    {
        var normLength = normLengthRef;
        // The fast path writes a word where it sits in the input (normBase + its index); the general loop writes no
        // more characters than it reads, so it never overtakes that position.
        var normBase = normLength;
        var sentence = sentenceRef;
        var clause = clauseRef;
        var inToken = false;
        var start = 0;
        var origStart = 0;
        var run = 0;
        var flags = TokenFlags.None;
        var i = 0;
        while (i < input.Length && tokenCount < tokens.Length)
        {
            var c = input[i];
            if (!inToken && c < 128 && vectorized)
            {
                // Plain ASCII words and the separators between them, 32 characters at a time (AsciiChunks). It stops
                // before anything else (digits, apostrophes, elongation, non-ASCII, the text's last characters),
                // which the general loop below handles from the same position: the same tokens either way.
                var stop = AsciiChunks(input, i, origOffset, normBase, norm, tokens, ref tokenCount, ref sentence, ref clause);
                if (stop > i)
                {
                    i = stop;
                    normLength = normBase + i;
                    continue;
                }
            }
            int width = 1;
            byte kind;
            char mapped = '\0';
            if (c < 128)
            {
                kind = AsciiKind[c];
                if (kind == Letter)
                    mapped = (char)(c | 0x20);
                else if (kind == Digit)
                    mapped = c;
            }
            else if (c < Fold.Length && Fold[c] != '\0')
            {
                kind = Letter;
                mapped = Fold[c];
            }
            else
            {
                var status = Rune.DecodeFromUtf16(input[i..], out var rune, out width);
                if (status != System.Buffers.OperationStatus.Done)
                {
                    width = 1;
                    kind = Sep;
                }
                else
                {
                    kind = ClassifyRune(rune, c, out mapped);
                    if (kind == Skip)
                    {
                        i += width;
                        continue;
                    }
                    if (kind == Emoji)
                    {
                        if (inToken)
                            tokenCount = End(tokens, tokenCount, start, normLength, origStart, origOffset + i, flags, sentence, clause, ref inToken);
                        if (normLength + width > norm.Length)
                            break;
                        var emojiStart = normLength;
                        input.Slice(i, width).CopyTo(norm[normLength..]);
                        normLength += width;
                        tokens[tokenCount++] = new Token
                        {
                            NormStart = emojiStart, NormLength = width, OrigStart = origOffset + i,
                            OrigEnd = origOffset + i + width, Sentence = sentence, Clause = clause, WordId = -1,
                            Flags = TokenFlags.Emoji,
                        };
                        i += width;
                        continue;
                    }
                }
            }

            if (kind is Letter or Digit)
            {
                if (!inToken)
                {
                    inToken = true;
                    start = normLength;
                    origStart = origOffset + i;
                    run = 0;
                    flags = kind == Digit ? TokenFlags.LeadingDigit : TokenFlags.None;
                }
                flags |= kind == Letter ? TokenFlags.Letter : TokenFlags.Digit;
                if (kind == Letter && normLength > start && norm[normLength - 1] == mapped)
                {
                    run++;
                    if (run >= 2)
                    {
                        flags |= TokenFlags.Elongated;
                        i += width;
                        continue;
                    }
                }
                else
                {
                    run = 0;
                }
                if (normLength >= norm.Length)
                    break;
                norm[normLength++] = mapped;
                i += width;
                if (kind == Letter)
                {
                    // Fast path for the rest of a plain ASCII word; a repeated letter (possible elongation), a
                    // digit or anything else goes back to the general loop above with the same state.
                    var limit = Math.Min(input.Length, i + (norm.Length - normLength));
                    while (i < limit)
                    {
                        var next = input[i];
                        if (next >= 128 || AsciiKind[next] != Letter)
                            break;
                        var lower = (char)(next | 0x20);
                        if (lower == norm[normLength - 1])
                            break;
                        norm[normLength++] = lower;
                        run = 0;
                        i++;
                    }
                }
                continue;
            }

            if (kind == Apostrophe && inToken)
            {
                // "brother's" -> "brother", "it's" -> "it": possessive and "is" clitics carry no risk meaning.
                var next = i + width;
                if (next < input.Length && (input[next] | 0x20) == 's'
                    && (next + 1 >= input.Length || !char.IsLetterOrDigit(input[next + 1])))
                    width++;
                i += width;
                continue;
            }

            if (inToken)
                tokenCount = End(tokens, tokenCount, start, normLength, origStart, origOffset + i, flags, sentence, clause, ref inToken);
            if (kind == SentenceBreak)
            {
                sentence++;
                clause++;
            }
            else if (kind == ClauseBreak)
            {
                clause++;
            }
            i += width;
        }
        if (inToken && tokenCount < tokens.Length)
            tokenCount = End(tokens, tokenCount, start, normLength, origStart, origOffset + i, flags, sentence, clause, ref inToken);
        normLengthRef = normLength;
        sentenceRef = sentence;
        clauseRef = clause;
        return tokenCount;
    }

    private const byte Skip = 6, Emoji = 7;

    private const int Chunk = 32;

    /// <summary>
    /// From <paramref name="i"/> (outside a token), consumes plain ASCII words and the separators between them, one
    /// 32-character chunk at a time, and returns where it stopped. Each chunk is classified with vectors into two bit
    /// masks (letters; "special": digits, apostrophes, non-ASCII, and letters equal to the next two, i.e. elongation)
    /// and its characters are stored lower-cased (OR 0x20) at <paramref name="normBase"/> + their index. Words come
    /// from the masks' bit transitions, so the cost is per chunk and per word, with no per-character branch. It stops at
    /// the first special character (or at the start of the word holding it, or ended by it), at a word longer than a
    /// chunk, within 34 characters of the text's end, and when the token buffer is full; the general loop goes on
    /// from there.
    /// </summary>
    private static int AsciiChunks(ReadOnlySpan<char> input, int i, int origOffset, int normBase, Span<char> norm,
        Span<Token> tokens, ref int tokenCountRef, ref int sentenceRef, ref int clauseRef)
    {
        int tokenCount = tokenCountRef, sentence = sentenceRef, clause = clauseRef;
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(input));
        ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(norm));
        var kinds = AsciiKind;
        // The loads read two characters past a chunk (for the elongation mask); the store writes the whole chunk.
        var lastChunk = Math.Min(input.Length - Chunk - 2, norm.Length - normBase - Chunk);
        var p = i;
        while (p <= lastChunk)
        {
            var (letters, special) = Classify(ref source, p, ref target, normBase + p);
            var starts = letters & ~(letters << 1);
            var ends = ~letters & (letters << 1);
            var first = BitOperations.TrailingZeroCount(special); // 32 when none
            var gap = 0; // chunk index after the last token taken: separators from here are not counted yet
            int next;
            var stop = true;
            while (true)
            {
                if (starts == 0)
                {
                    next = Math.Min(first, Chunk);
                    stop = first < Chunk;
                    break;
                }
                var s = BitOperations.TrailingZeroCount(starts);
                if (first < s)
                {
                    next = first;
                    break;
                }
                if (ends == 0)
                {
                    // The word runs past the chunk: the next chunk starts with it.
                    next = s;
                    stop = s == 0;
                    break;
                }
                var e = BitOperations.TrailingZeroCount(ends);
                if (first <= e || tokenCount >= tokens.Length)
                {
                    next = s;
                    break;
                }
                CountBreaks(input, p + gap, p + s, kinds, ref sentence, ref clause);
                tokens[tokenCount++] = new Token
                {
                    NormStart = normBase + p + s, NormLength = e - s, OrigStart = origOffset + p + s,
                    OrigEnd = origOffset + p + e, Sentence = sentence, Clause = clause, WordId = -1,
                    Flags = TokenFlags.Letter,
                };
                gap = e;
                starts &= starts - 1;
                ends &= ends - 1;
            }
            CountBreaks(input, p + gap, p + next, kinds, ref sentence, ref clause);
            p += next;
            if (stop)
                break;
        }
        tokenCountRef = tokenCount;
        sentenceRef = sentence;
        clauseRef = clause;
        return p;
    }

    /// <summary>Sentence and clause breaks among the separators in [from, to) (plain ASCII, no letters there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountBreaks(ReadOnlySpan<char> input, int from, int to, byte[] kinds, ref int sentence, ref int clause)
    {
        for (var k = from; k < to; k++)
        {
            var kind = kinds[input[k]];
            if (kind == SentenceBreak)
            {
                sentence++;
                clause++;
            }
            else if (kind == ClauseBreak)
            {
                clause++;
            }
        }
    }

    /// <summary>One chunk's letter and special masks (bit k = character p + k); stores the chunk lower-cased.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Letters, uint Special) Classify(ref ushort source, int p, ref ushort target, int at)
    {
        var caseBit = Vector128.Create((ushort)0x20);
        var a = Vector128.Create((ushort)'a');
        var alphabet = Vector128.Create((ushort)26);
        var zero = Vector128.Create((ushort)'0');
        var ten = Vector128.Create((ushort)10);
        var ascii = Vector128.Create((ushort)127);
        var quote = Vector128.Create((ushort)'\'');
        var backtick = Vector128.Create((ushort)'`');
        uint letters = 0, special = 0;
        for (var b = 0; b < Chunk; b += Vector128<ushort>.Count)
        {
            var raw = Vector128.LoadUnsafe(ref source, (nuint)(p + b));
            var lower = raw | caseBit;
            var letter = Vector128.LessThan(lower - a, alphabet);
            var next = Vector128.LoadUnsafe(ref source, (nuint)(p + b + 1)) | caseBit;
            var afterNext = Vector128.LoadUnsafe(ref source, (nuint)(p + b + 2)) | caseBit;
            // Equal lower-cased values of a letter are the same letter: three equal letters in a row (elongation).
            var odd = (Vector128.Equals(lower, next) & Vector128.Equals(next, afterNext) & letter)
                | Vector128.GreaterThan(raw, ascii)
                | Vector128.LessThan(raw - zero, ten)
                | Vector128.Equals(raw, quote) | Vector128.Equals(raw, backtick);
            lower.StoreUnsafe(ref target, (nuint)(at + b));
            letters |= letter.ExtractMostSignificantBits() << b;
            special |= odd.ExtractMostSignificantBits() << b;
        }
        return (letters, special);
    }

    private static int End(Span<Token> tokens, int count, int start, int end, int origStart, int origEnd,
        TokenFlags flags, int sentence, int clause, ref bool inToken)
    {
        inToken = false;
        tokens[count] = new Token
        {
            NormStart = start, NormLength = end - start, OrigStart = origStart, OrigEnd = origEnd,
            Sentence = sentence, Clause = clause, WordId = -1, Flags = flags,
        };
        return count + 1;
    }
}
