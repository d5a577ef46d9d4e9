using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>Number of trie nodes (for the benchmarks' report).</summary>
    public int NodeCount => _nodes.Length;

    // Per node: a filter of its literal edges' word ids (two 64-bit words, one bit each from two hashes of the id) and
    // the union of its class edges, so most tokens that cannot follow a node are turned away without searching its
    // edges.
    private readonly NodeFilter[] _filters;

    private struct NodeFilter
    {
        public ulong Words;
        public ulong Words2;
        public ulong Classes;

        /// <summary>False when no literal edge of the node can be <paramref name="wordId"/> (two bits, two hashes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool MayHave(int wordId) =>
            (Words & (1UL << (wordId & 63))) != 0 && (Words2 & SecondBit(wordId)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SecondBit(int wordId) => 1UL << (int)(((uint)wordId * 0x9E3779B1u) >> 26);
    private readonly ulong[] _classMasks;
    private readonly int[] _classChildren;
    private readonly int[] _terminals;
    private readonly int[] _literalWords;
    private readonly int[] _literalChildren;
    private readonly int _gapMax;
    private readonly int[] _rootLiterals;
    private readonly ulong _rootClasses;
    private readonly int[] _rootClassChildren = new int[64];

    // Literal edges of wide nodes (more than NarrowEdges) in one open-addressing table keyed by (node, word id).
    private const int NarrowEdges = 8;
    private readonly WideEdge[] _wideEdges;
    private readonly int _wideMask;

    [StructLayout(LayoutKind.Sequential)]
    private struct WideEdge
    {
        public int Node; // -1 = empty
        public int Word;
        public int Child;
    }

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
        _filters = new NodeFilter[nodes.Length];
        for (var n = 0; n < nodes.Length; n++)
        {
            for (var e = nodes[n].LiteralStart; e < nodes[n].LiteralStart + nodes[n].LiteralCount; e++)
            {
                _filters[n].Words |= 1UL << (literalWords[e] & 63);
                _filters[n].Words2 |= SecondBit(literalWords[e]);
            }
            for (var c = nodes[n].ClassStart; c < nodes[n].ClassStart + nodes[n].ClassCount; c++)
                _filters[n].Classes |= classMasks[c];
        }
        _classMasks = classMasks;
        _classChildren = classChildren;
        _terminals = terminals;
        _gapMax = gapMax;

        var wide = 0;
        for (var n = 1; n < nodes.Length; n++)
        {
            if (nodes[n].LiteralCount > NarrowEdges)
                wide += nodes[n].LiteralCount;
        }
        var size = 16;
        while (size < wide * 2)
            size <<= 1;
        _wideMask = size - 1;
        _wideEdges = new WideEdge[size];
        _wideEdges.AsSpan().Fill(new WideEdge { Node = -1 });
        for (var n = 1; n < nodes.Length; n++)
        {
            if (nodes[n].LiteralCount <= NarrowEdges)
                continue;
            for (var e = nodes[n].LiteralStart; e < nodes[n].LiteralStart + nodes[n].LiteralCount; e++)
            {
                var slot = WideSlot(n, literalWords[e]);
                while (_wideEdges[slot].Node >= 0)
                    slot = (slot + 1) & _wideMask;
                _wideEdges[slot] = new WideEdge { Node = n, Word = literalWords[e], Child = literalChildren[e] };
            }
        }
    }

    private int WideSlot(int node, int word) =>
        (int)((((uint)node * 0x9E3779B1u) ^ ((uint)word * 0x85EBCA77u)) * 0xC2B2AE3Du >> 8) & _wideMask;

    /// <summary>Finds every pattern that matches starting at any token; returns the number of matches written.</summary>
    public int MatchAll(ReadOnlySpan<Token> tokens, Span<PatternMatch> matches)
    {
        var walker = new Walker(this, tokens, matches);
        for (var start = 0; start < tokens.Length; start++)
        {
            ref readonly var token = ref tokens[start];
            walker.Start = start;
            if (token.WordId >= 0 && _rootLiterals[token.WordId] >= 0 && MayContinue(_rootLiterals[token.WordId], start + 1, tokens))
                walker.Walk(_rootLiterals[token.WordId], start + 1);
            // Root class edges are indexed by class bit: visit only the classes this token has.
            for (var bits = token.Classes & _rootClasses; bits != 0; bits &= bits - 1)
            {
                var child = _rootClassChildren[BitOperations.TrailingZeroCount(bits)];
                if (MayContinue(child, start + 1, tokens))
                    walker.Walk(child, start + 1);
            }
        }
        return walker.Count;
    }

    /// <summary>
    /// False when walking <paramref name="nodeIndex"/> at <paramref name="pos"/> cannot do anything: the node ends no
    /// pattern, has no gap or any-word edge, and its filters turn the next token away (or there is none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayContinue(int nodeIndex, int pos, ReadOnlySpan<Token> tokens)
    {
        ref readonly var node = ref _nodes[nodeIndex];
        if (node.TerminalCount > 0 || node.Gap >= 0 || node.Any >= 0)
            return true;
        if (pos >= tokens.Length)
            return false;
        ref readonly var next = ref tokens[pos];
        ref readonly var filter = ref _filters[nodeIndex];
        return (next.WordId >= 0 && filter.MayHave(next.WordId))
            || (next.Classes & filter.Classes) != 0;
    }

    /// <summary>One matching pass: the text, the output and the start token travel as fields, not as arguments.</summary>
    private ref struct Walker(PatternTrie trie, ReadOnlySpan<Token> tokens, Span<PatternMatch> matches)
    {
        private readonly PatternTrie _trie = trie;
        private readonly ReadOnlySpan<Token> _tokens = tokens;
        private readonly Span<PatternMatch> _matches = matches;

        public int Start;
        public int Count;

        public void Walk(int nodeIndex, int pos)
        {
            var trie = _trie;
            ref readonly var node = ref trie._nodes[nodeIndex];
            if (node.TerminalCount > 0)
            {
                for (var t = 0; t < node.TerminalCount && Count < _matches.Length; t++)
                    _matches[Count++] = new PatternMatch(trie._terminals[node.TerminalStart + t], Start, pos - 1);
            }
            if (pos >= _tokens.Length || Count >= _matches.Length)
                return;
            Advance(nodeIndex, pos);
            if (node.Gap >= 0)
            {
                // A gap node is never a pattern's end and never followed by another gap (the compiler rejects both),
                // so each skipped position goes straight to the gap node's edges.
                ref readonly var gap = ref trie._nodes[node.Gap];
                var plain = gap.TerminalCount == 0 && gap.Gap < 0;
                var sentence = _tokens[Start].Sentence;
                for (var skip = 0; skip <= trie._gapMax; skip++)
                {
                    var p = pos + skip;
                    if (p >= _tokens.Length || _tokens[p].Sentence != sentence)
                        break;
                    if (!plain)
                        Walk(node.Gap, p);
                    else if (Count < _matches.Length)
                        Advance(node.Gap, p);
                }
            }
        }

        /// <summary>The literal, class and any-word edges of a node for the token at <paramref name="pos"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Advance(int nodeIndex, int pos)
        {
            var trie = _trie;
            ref readonly var node = ref trie._nodes[nodeIndex];
            ref readonly var token = ref _tokens[pos];
            ref readonly var filter = ref trie._filters[nodeIndex];
            if (token.WordId >= 0 && filter.MayHave(token.WordId))
            {
                var child = trie.FindLiteral(nodeIndex, in node, token.WordId);
                if (child >= 0)
                    Walk(child, pos + 1);
            }
            if ((token.Classes & filter.Classes) != 0)
            {
                for (var c = 0; c < node.ClassCount; c++)
                {
                    if ((token.Classes & trie._classMasks[node.ClassStart + c]) != 0)
                        Walk(trie._classChildren[node.ClassStart + c], pos + 1);
                }
            }
            if (node.Any >= 0)
                Walk(node.Any, pos + 1);
        }
    }

    /// <summary>A narrow node's edges (sorted by word id) are scanned; a wide node's are looked up in one hash table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindLiteral(int nodeIndex, in Node node, int wordId)
    {
        if (node.LiteralCount <= NarrowEdges)
        {
            var words = _literalWords;
            for (var e = node.LiteralStart; e < node.LiteralStart + node.LiteralCount; e++)
            {
                if (words[e] == wordId)
                    return _literalChildren[e];
            }
            return -1;
        }
        return FindWide(nodeIndex, wordId);
    }

    private int FindWide(int nodeIndex, int wordId)
    {
        var edges = _wideEdges;
        var slot = WideSlot(nodeIndex, wordId);
        while (true)
        {
            ref readonly var edge = ref edges[slot];
            if (edge.Node == nodeIndex && edge.Word == wordId)
                return edge.Child;
            if (edge.Node < 0)
                return -1;
            slot = (slot + 1) & _wideMask;
        }
    }
}
