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
    private static readonly char[] AsciiLower = BuildAsciiLower();

    /// <summary>Normalizes <paramref name="input"/>. Returns the number of tokens written.</summary>
    public static int Normalize(ReadOnlySpan<char> input, int origOffset, Span<char> norm, ref int normLength,
        Span<Token> tokens, int tokenCount, ref int sentence, ref int clause)
    {
        // Work on locals (kept in registers) and write the running positions back once at the end.
        int length = normLength, sentenceIndex = sentence, clauseIndex = clause;
        tokenCount = Run(input, origOffset, norm, ref length, tokens, tokenCount, ref sentenceIndex, ref clauseIndex);
        normLength = length;
        sentence = sentenceIndex;
        clause = clauseIndex;
        return tokenCount;
    }

    private static int Run(ReadOnlySpan<char> input, int origOffset, Span<char> norm, ref int normLengthRef,
        Span<Token> tokens, int tokenCount, ref int sentenceRef, ref int clauseRef)
    {
        var normLength = normLengthRef;
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
            if (!inToken && c < 128 && AsciiKind[c] == Letter)
            {
                // Plain ASCII word fast path: letters only, no run of three equal letters, ended by ASCII punctuation,
                // a space or the end of the text. Anything else (digits, apostrophes, elongation, non-ASCII) goes
                // through the general loop below from the same position, so the result is the same either way.
                var end = PlainWord(input, i, norm, normLength);
                if (end > i)
                {
                    tokens[tokenCount++] = new Token
                    {
                        NormStart = normLength, NormLength = end - i, OrigStart = origOffset + i, OrigEnd = origOffset + end,
                        Sentence = sentence, Clause = clause, WordId = -1, Flags = TokenFlags.Letter,
                    };
                    normLength += end - i;
                    i = end;
                    if (i < input.Length)
                    {
                        // The ASCII character that ended the word, handled as the general loop would.
                        var after = AsciiKind[input[i]];
                        if (after == SentenceBreak)
                        {
                            sentence++;
                            clause++;
                        }
                        else if (after == ClauseBreak)
                        {
                            clause++;
                        }
                        i++;
                    }
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

    /// <summary>
    /// Lower-cases the plain ASCII word starting at <paramref name="start"/> into <paramref name="norm"/> and returns
    /// where it ends, or -1 when the word needs the general loop (a digit, an apostrophe, a third equal letter in a
    /// row, a non-ASCII character, or no room left).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int PlainWord(ReadOnlySpan<char> input, int start, Span<char> norm, int normLength)
    {
        var limit = Math.Min(input.Length, start + (norm.Length - normLength));
        var output = norm[normLength..];
        var lowerTable = AsciiLower;
        char previous = '\0', beforePrevious = '\0';
        var j = start;
        for (; j < limit; j++)
        {
            var ch = input[j];
            if (ch >= 128)
                return -1;
            var lower = lowerTable[ch];
            if (lower == '\0')
                return AsciiKind[ch] is Digit or Apostrophe ? -1 : j;
            if (lower == previous && lower == beforePrevious)
                return -1;
            output[j - start] = lower;
            beforePrevious = previous;
            previous = lower;
        }
        // Stopped by the end of the text (done) or by a full buffer (the general loop handles the rest).
        return j == input.Length ? j : -1;
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
