using System.Numerics;
using System.Runtime.InteropServices;

namespace PeerBot.Safety.Matching;

/// <summary>
/// All lexicon patterns in one token trie: literal edges as sorted word-id arrays (an id-indexed array at the root), plus class,
/// any-word and gap edges. Matching walks from each token; cost is linear in the text for a fixed lexicon.
/// </summary>
internal sealed partial class PatternTrie
{
    [StructLayout(LayoutKind.Auto)]
    private struct Node
    {
        public int Any;
        public int Gap;
        public int ClassStart;
        public int ClassCount;
        public int TerminalStart;
        public int TerminalCount;
        public int LiteralStart;
        public int LiteralCount;
    }

    private readonly Node[] _nodes;
    private readonly ulong[] _classMasks;
    private readonly int[] _classChildren;
    private readonly int[] _terminals;
    private readonly int[] _literalWords;
    private readonly int[] _literalChildren;
    private readonly int _gapMax;
    private readonly int[] _rootLiterals;
    private readonly ulong _rootClasses;
    private readonly int[] _rootClassChildren = new int[64];

    private PatternTrie(Node[] nodes, ulong[] classMasks, int[] classChildren, int[] terminals,
        int[] literalWords, int[] literalChildren, int gapMax, int wordCount)
    {
        // The root is visited for every known token: its literal edges are an array indexed by word id.
        _rootLiterals = new int[wordCount];
        Array.Fill(_rootLiterals, -1);
        for (var e = nodes[0].LiteralStart; e < nodes[0].LiteralStart + nodes[0].LiteralCount; e++)
            _rootLiterals[literalWords[e]] = literalChildren[e];
        _literalWords = literalWords;
        _literalChildren = literalChildren;
        Array.Fill(_rootClassChildren, -1);
        for (var c = 0; c < nodes[0].ClassCount; c++)
        {
            var mask = classMasks[nodes[0].ClassStart + c];
            _rootClasses |= mask;
            _rootClassChildren[BitOperations.TrailingZeroCount(mask)] = classChildren[nodes[0].ClassStart + c];
        }
        _nodes = nodes;
        _classMasks = classMasks;
        _classChildren = classChildren;
        _terminals = terminals;
        _gapMax = gapMax;
    }

    /// <summary>Finds every pattern that matches starting at any token; returns the number of matches written.</summary>
    public int MatchAll(ReadOnlySpan<Token> tokens, Span<PatternMatch> matches)
    {
        var count = 0;
        for (var start = 0; start < tokens.Length; start++)
        {
            ref readonly var token = ref tokens[start];
            if (token.WordId >= 0 && _rootLiterals[token.WordId] >= 0)
                Walk(_rootLiterals[token.WordId], start + 1, start, tokens, matches, ref count);
            // Root class edges are indexed by class bit: visit only the classes this token has.
            for (var bits = token.Classes & _rootClasses; bits != 0; bits &= bits - 1)
                Walk(_rootClassChildren[BitOperations.TrailingZeroCount(bits)], start + 1, start, tokens, matches, ref count);
        }
        return count;
    }

    private void Walk(int nodeIndex, int pos, int start, ReadOnlySpan<Token> tokens, Span<PatternMatch> matches,
        ref int count)
    {
        ref readonly var node = ref _nodes[nodeIndex];
        for (var t = 0; t < node.TerminalCount && count < matches.Length; t++)
            matches[count++] = new PatternMatch(_terminals[node.TerminalStart + t], start, pos - 1);
        if (pos >= tokens.Length || count >= matches.Length)
            return;
        ref readonly var token = ref tokens[pos];
        if (node.LiteralCount > 0 && token.WordId >= 0)
        {
            var child = FindLiteral(node.LiteralStart, node.LiteralCount, token.WordId);
            if (child >= 0)
                Walk(child, pos + 1, start, tokens, matches, ref count);
        }
        for (var c = 0; c < node.ClassCount; c++)
        {
            if ((token.Classes & _classMasks[node.ClassStart + c]) != 0)
                Walk(_classChildren[node.ClassStart + c], pos + 1, start, tokens, matches, ref count);
        }
        if (node.Any >= 0)
            Walk(node.Any, pos + 1, start, tokens, matches, ref count);
        if (node.Gap >= 0)
        {
            var sentence = tokens[start].Sentence;
            for (var skip = 0; skip <= _gapMax; skip++)
            {
                var p = pos + skip;
                if (p >= tokens.Length || tokens[p].Sentence != sentence)
                    break;
                Walk(node.Gap, p, start, tokens, matches, ref count);
            }
        }
    }

    /// <summary>Edges of a node are sorted by word id: a short linear scan, or binary search for wide nodes.</summary>
    private int FindLiteral(int start, int count, int wordId)
    {
        if (count <= 8)
        {
            for (var e = start; e < start + count; e++)
            {
                if (_literalWords[e] == wordId)
                    return _literalChildren[e];
            }
            return -1;
        }
        var index = Array.BinarySearch(_literalWords, start, count, wordId);
        return index >= 0 ? _literalChildren[index] : -1;
    }
}
