namespace PeerBot.Safety.Matching;

internal sealed partial class PatternTrie
{
    /// <summary>
    /// Mutable form used while compiling the lexicon: flat lists keyed by node index (no object per node), so a
    /// lexicon of tens of thousands of trie nodes builds with a handful of allocations. Node 0 is the root. Edges and
    /// terminals keep their insertion order per node (class edges are walked in that order, so matches come out in
    /// the same order as they always have).
    /// </summary>
    /// <remarks><paramref name="expectedNodes"/> sizes the lists up front (they still grow when it is too small).</remarks>
    internal sealed class Builder(int gapMax, int expectedNodes)
    {
        private readonly List<int> _any = NodeList(expectedNodes);
        private readonly List<int> _gap = NodeList(expectedNodes);
        private readonly Dictionary<long, int> _literalEdges = new(expectedNodes);
        private readonly Dictionary<long, int> _classEdges = new(expectedNodes / 8);
        private readonly List<(int Node, int Key, int Child)> _literals = new(expectedNodes);
        private readonly List<(int Node, int Key, int Child)> _classes = new(expectedNodes / 8);
        private readonly HashSet<long> _terminalKeys = new(expectedNodes / 8);
        private readonly List<(int Node, int Target)> _terminals = new(expectedNodes / 8);

        private static List<int> NodeList(int capacity)
        {
            var list = new List<int>(Math.Max(capacity, 1)) { -1 };
            return list;
        }

        public const int Root = 0;

        /// <summary>The child of <paramref name="node"/> along <paramref name="element"/>, created when missing.</summary>
        public int Step(int node, PatternElement element)
        {
            switch (element.Kind)
            {
                case ElementKind.Literal:
                    return GetOrAdd(_literalEdges, _literals, node, element.Value);
                case ElementKind.Class:
                    return GetOrAdd(_classEdges, _classes, node, element.Value);
                case ElementKind.Any:
                    if (_any[node] < 0)
                        _any[node] = NewNode();
                    return _any[node];
                default:
                    if (_gap[node] < 0)
                        _gap[node] = NewNode();
                    return _gap[node];
            }
        }

        /// <summary>Marks <paramref name="node"/> as the end of a pattern of <paramref name="target"/> (once).</summary>
        public void AddTerminal(int node, int target)
        {
            if (_terminalKeys.Add(((long)node << 32) | (uint)target))
                _terminals.Add((node, target));
        }

        private int NewNode()
        {
            _any.Add(-1);
            _gap.Add(-1);
            return _any.Count - 1;
        }

        private int GetOrAdd(Dictionary<long, int> edges, List<(int Node, int Key, int Child)> list, int node, int key)
        {
            var edgeKey = ((long)node << 32) | (uint)key;
            if (edges.TryGetValue(edgeKey, out var child))
                return child;
            child = NewNode();
            edges[edgeKey] = child;
            list.Add((node, key, child));
            return child;
        }

        public PatternTrie Build(int wordCount)
        {
            var count = _any.Count;
            var nodes = new Node[count];
            for (var i = 0; i < count; i++)
            {
                nodes[i].Any = _any[i];
                nodes[i].Gap = _gap[i];
            }

            // Group each edge list by node with a stable counting sort (insertion order kept inside a node).
            var literalWords = new int[_literals.Count];
            var literalChildren = new int[_literals.Count];
            foreach (var (node, _, _) in _literals)
                nodes[node].LiteralCount++;
            var offset = 0;
            for (var i = 0; i < count; i++)
            {
                nodes[i].LiteralStart = offset;
                offset += nodes[i].LiteralCount;
            }
            var fill = new int[count];
            foreach (var (node, word, child) in _literals)
            {
                var at = nodes[node].LiteralStart + fill[node]++;
                literalWords[at] = word;
                literalChildren[at] = child;
            }
            for (var i = 0; i < count; i++)
            {
                if (nodes[i].LiteralCount > 1)
                    Array.Sort(literalWords, literalChildren, nodes[i].LiteralStart, nodes[i].LiteralCount);
            }

            var classMasks = new ulong[_classes.Count];
            var classChildren = new int[_classes.Count];
            foreach (var (node, _, _) in _classes)
                nodes[node].ClassCount++;
            offset = 0;
            for (var i = 0; i < count; i++)
            {
                nodes[i].ClassStart = offset;
                offset += nodes[i].ClassCount;
            }
            Array.Clear(fill);
            foreach (var (node, bit, child) in _classes)
            {
                var at = nodes[node].ClassStart + fill[node]++;
                classMasks[at] = 1UL << bit;
                classChildren[at] = child;
            }

            var terminals = new int[_terminals.Count];
            foreach (var (node, _) in _terminals)
                nodes[node].TerminalCount++;
            offset = 0;
            for (var i = 0; i < count; i++)
            {
                nodes[i].TerminalStart = offset;
                offset += nodes[i].TerminalCount;
            }
            Array.Clear(fill);
            foreach (var (node, target) in _terminals)
                terminals[nodes[node].TerminalStart + fill[node]++] = target;

            return new PatternTrie(nodes, classMasks, classChildren, terminals, literalWords, literalChildren, gapMax,
                wordCount);
        }
    }
}
