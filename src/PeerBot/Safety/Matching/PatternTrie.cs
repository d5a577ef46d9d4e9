using System.Runtime.InteropServices;

namespace PeerBot.Safety.Matching;

/// <summary>
/// All lexicon patterns in one token trie: literal edges in a single hash map keyed by (node, word id), plus class,
/// any-word and gap edges. Matching walks from each token; cost is linear in the text for a fixed lexicon.
/// </summary>
internal sealed class PatternTrie
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
        public bool HasLiterals;
    }

    private readonly Node[] _nodes;
    private readonly ulong[] _classMasks;
    private readonly int[] _classChildren;
    private readonly int[] _terminals;
    private readonly Dictionary<long, int> _literals;
    private readonly int _gapMax;

    private PatternTrie(Node[] nodes, ulong[] classMasks, int[] classChildren, int[] terminals,
        Dictionary<long, int> literals, int gapMax)
    {
        _nodes = nodes;
        _classMasks = classMasks;
        _classChildren = classChildren;
        _terminals = terminals;
        _literals = literals;
        _gapMax = gapMax;
    }

    /// <summary>Finds every pattern that matches starting at any token; returns the number of matches written.</summary>
    public int MatchAll(ReadOnlySpan<Token> tokens, Span<PatternMatch> matches)
    {
        var count = 0;
        for (var start = 0; start < tokens.Length; start++)
        {
            ref readonly var token = ref tokens[start];
            if (token.WordId < 0 && token.Classes == 0)
                continue;
            Walk(0, start, start, tokens, matches, ref count);
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
        if (node.HasLiterals && token.WordId >= 0
            && _literals.TryGetValue(Key(nodeIndex, token.WordId), out var child))
            Walk(child, pos + 1, start, tokens, matches, ref count);
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

    private static long Key(int node, int wordId) => ((long)node << 32) | (uint)wordId;

    /// <summary>Mutable form used while compiling the lexicon.</summary>
    internal sealed class Builder(int gapMax)
    {
        private sealed class BuildNode
        {
            public Dictionary<int, BuildNode> Literals { get; } = [];
            public Dictionary<int, BuildNode> Classes { get; } = [];
            public BuildNode? Any { get; set; }
            public BuildNode? Gap { get; set; }
            public List<int> Terminals { get; } = [];
        }

        private readonly BuildNode _root = new();

        public void Add(IReadOnlyList<PatternElement> elements, int target)
        {
            var node = _root;
            foreach (var element in elements)
            {
                node = element.Kind switch
                {
                    ElementKind.Literal => GetOrAdd(node.Literals, element.Value),
                    ElementKind.Class => GetOrAdd(node.Classes, element.Value),
                    ElementKind.Any => node.Any ??= new BuildNode(),
                    _ => node.Gap ??= new BuildNode(),
                };
            }
            if (!node.Terminals.Contains(target))
                node.Terminals.Add(target);
        }

        private static BuildNode GetOrAdd(Dictionary<int, BuildNode> edges, int key)
        {
            if (!edges.TryGetValue(key, out var child))
                edges[key] = child = new BuildNode();
            return child;
        }

        public PatternTrie Build()
        {
            var order = new List<BuildNode>();
            var index = new Dictionary<BuildNode, int>(ReferenceEqualityComparer.Instance);
            var queue = new Queue<BuildNode>();
            queue.Enqueue(_root);
            index[_root] = 0;
            order.Add(_root);
            while (queue.Count > 0)
            {
                var n = queue.Dequeue();
                foreach (var child in n.Literals.Values.Concat(n.Classes.Values)
                             .Concat(n.Any is null ? [] : [n.Any]).Concat(n.Gap is null ? [] : [n.Gap]))
                {
                    if (index.ContainsKey(child))
                        continue;
                    index[child] = order.Count;
                    order.Add(child);
                    queue.Enqueue(child);
                }
            }

            var nodes = new Node[order.Count];
            var classMasks = new List<ulong>();
            var classChildren = new List<int>();
            var terminals = new List<int>();
            var literals = new Dictionary<long, int>();
            for (var i = 0; i < order.Count; i++)
            {
                var n = order[i];
                nodes[i] = new Node
                {
                    Any = n.Any is null ? -1 : index[n.Any],
                    Gap = n.Gap is null ? -1 : index[n.Gap],
                    ClassStart = classMasks.Count,
                    ClassCount = n.Classes.Count,
                    TerminalStart = terminals.Count,
                    TerminalCount = n.Terminals.Count,
                    HasLiterals = n.Literals.Count > 0,
                };
                foreach (var (bit, child) in n.Classes)
                {
                    classMasks.Add(1UL << bit);
                    classChildren.Add(index[child]);
                }
                terminals.AddRange(n.Terminals);
                foreach (var (word, child) in n.Literals)
                    literals[Key(i, word)] = index[child];
            }
            return new PatternTrie(nodes, [.. classMasks], [.. classChildren], [.. terminals], literals, gapMax);
        }
    }
}
