using PeerBot.Safety.Matching;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Safety.Lexicon;

/// <summary>
/// Builds the vocabulary and turns pattern text into trie paths. Pattern syntax, one string per pattern, words
/// separated by spaces: a word or emoji (normalized exactly like messages), <c>a|b</c> alternatives, a trailing
/// <c>?</c> for an optional word, <c>&lt;class&gt;</c> for any word of a class, <c>*</c> for any one word and
/// <c>...</c> for a gap of up to N words (within one sentence); <c>_</c> joins words inside an alternative
/// (<c>going_to|gonna</c>). No regular expressions, so matching cannot backtrack.
/// </summary>
internal sealed class PatternCompiler(YamlReader reader, int gapMax, int expectedNodes = 1024)
{
    private const int MaxExpansions = 256;
    public static readonly string[] AutoClasses = ["num", "year"];

    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _classIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ulong> _wordClasses = [];
    private readonly PatternTrie.Builder _trie = new(gapMax, expectedNodes);
    private readonly List<PatternTarget> _targets = [];
    private readonly Dictionary<string, List<string>> _tokenCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PatternElement[][]> _pieceCache = new(StringComparer.Ordinal);

    private int _nextId;
    private char[] _scratchNorm = new char[64];
    private Token[] _scratchTokens = new Token[129];

    private Contractions? _contractions;

    public int PatternCount { get; private set; }

    /// <summary>Spelled-out forms added to contraction words in every pattern compiled after they are set.</summary>
    public Contractions Contractions => _contractions ??= new Contractions(Tokens);

    public ulong ClassMask(string name) => _classIndex.TryGetValue(name, out var bit) ? 1UL << bit : 0UL;

    public bool DeclareClass(string name)
    {
        if (_classIndex.ContainsKey(name))
            return true;
        if (_classIndex.Count >= 64)
            return false;
        _classIndex[name] = _classIndex.Count;
        return true;
    }

    public void AddClassWord(string className, string word, YamlNode node, string path)
    {
        var token = SingleToken(word, node, path);
        if (token is null)
            return;
        var id = WordId(token);
        _wordClasses[id] = _wordClasses.GetValueOrDefault(id) | ClassMask(className);
    }

    public void AddAlias(string alias, string canonical, YamlNode node, string path)
    {
        var from = SingleToken(alias, node, path);
        var to = SingleToken(canonical, node, path);
        if (from is null || to is null)
            return;
        if (_words.ContainsKey(from))
        {
            reader.Error(node, path, $"alias '{alias}' is already a word or alias");
            return;
        }
        _words[from] = WordId(to);
    }

    public void AddPattern(string pattern, PatternTarget target, YamlNode node, string path)
    {
        pattern = _contractions?.Apply(pattern) ?? pattern;
        var pieces = Expand(pattern, node, path);
        if (pieces is null)
            return;
        var index = _targets.Count;
        _targets.Add(target);
        if (Insert(pattern, pieces, 0, PatternTrie.Builder.Root, null, null, false, index, node, path))
            PatternCount++;
    }

    /// <summary>
    /// Adds every form of the pattern to the trie, depth first: the forms come in the order of the pieces'
    /// alternatives, without materializing each form as a list. A form that starts or ends with a gap or any-word,
    /// or has two gaps in a row, is an error (reported once; the lexicon then fails to load).
    /// </summary>
    private bool Insert(string pattern, List<PatternElement[][]> pieces, int pieceIndex, int trieNode,
        ElementKind? first, ElementKind? last, bool twoGaps, int target, YamlNode node, string path)
    {
        if (pieceIndex == pieces.Count)
        {
            if (first is null or ElementKind.Gap or ElementKind.Any || last is ElementKind.Gap or ElementKind.Any)
            {
                reader.Error(node, path, $"pattern '{pattern}' must start and end with a word or class");
                return false;
            }
            if (twoGaps)
            {
                reader.Error(node, path, $"pattern '{pattern}' has two gaps in a row");
                return false;
            }
            _trie.AddTerminal(trieNode, target);
            return true;
        }
        foreach (var alternative in pieces[pieceIndex])
        {
            int child = trieNode;
            ElementKind? f = first, l = last;
            var gaps = twoGaps;
            foreach (var element in alternative)
            {
                gaps |= element.Kind == ElementKind.Gap && l == ElementKind.Gap;
                child = _trie.Step(child, element);
                f ??= element.Kind;
                l = element.Kind;
            }
            if (!Insert(pattern, pieces, pieceIndex + 1, child, f, l, gaps, target, node, path))
                return false;
        }
        return true;
    }

    public (Vocabulary Vocabulary, PatternTrie Trie, PatternTarget[] Targets) Build()
    {
        var classes = new ulong[_nextId];
        foreach (var (id, mask) in _wordClasses)
            classes[id] |= mask;
        return (new Vocabulary(_words, classes), _trie.Build(_nextId), [.. _targets]);
    }

    private int WordId(string word)
    {
        if (!_words.TryGetValue(word, out var id))
            _words[word] = id = _nextId++;
        return id;
    }

    /// <summary>
    /// The pattern's pieces, each as its alternatives (an optional piece also has the empty alternative). Word ids are
    /// given in order of first appearance. Null (after reporting) when a piece is invalid or the pattern has more than
    /// <see cref="MaxExpansions"/> forms.
    /// </summary>
    private List<PatternElement[][]>? Expand(string pattern, YamlNode node, string path)
    {
        var pieces = new List<PatternElement[][]>();
        var forms = 1;
        foreach (var rawPiece in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!_pieceCache.TryGetValue(rawPiece, out var alternatives))
            {
                alternatives = ExpandPiece(rawPiece, pattern, node, path);
                if (alternatives is null)
                    return null;
                _pieceCache[rawPiece] = alternatives;
            }
            forms *= alternatives.Length;
            if (forms > MaxExpansions)
            {
                reader.Error(node, path, $"pattern '{pattern}' expands to more than {MaxExpansions} forms");
                return null;
            }
            pieces.Add(alternatives);
        }
        return pieces;
    }

    private PatternElement[][]? ExpandPiece(string rawPiece, string pattern, YamlNode node, string path)
    {
        var piece = rawPiece;
        var optional = piece.Length > 1 && piece.EndsWith('?');
        if (optional)
            piece = piece[..^1];
        var alternatives = new List<PatternElement[]>();
        if (piece == "...")
        {
            alternatives.Add([new PatternElement(ElementKind.Gap, 0)]);
        }
        else if (piece == "*")
        {
            alternatives.Add([new PatternElement(ElementKind.Any, 0)]);
        }
        else
        {
            foreach (var alternative in piece.Split('|'))
            {
                if (alternative.StartsWith('<') && alternative.EndsWith('>') && alternative.Length > 2)
                {
                    var name = alternative[1..^1];
                    if (!_classIndex.TryGetValue(name, out var bit))
                    {
                        reader.Error(node, path, $"pattern '{pattern}' uses unknown class <{name}>");
                        return null;
                    }
                    alternatives.Add([new PatternElement(ElementKind.Class, bit)]);
                    continue;
                }
                if (!_tokenCache.TryGetValue(alternative, out var tokens))
                    _tokenCache[alternative] = tokens = Tokens(alternative);
                if (tokens.Count == 0 || alternative.Contains('<', StringComparison.Ordinal)
                    || alternative.Contains('>', StringComparison.Ordinal))
                {
                    reader.Error(node, path, $"pattern '{pattern}': '{alternative}' is not a word");
                    return null;
                }
                var elements = new PatternElement[tokens.Count];
                for (var t = 0; t < tokens.Count; t++)
                    elements[t] = new PatternElement(ElementKind.Literal, WordId(tokens[t]));
                alternatives.Add(elements);
            }
        }
        if (optional)
            alternatives.Add([]);
        return [.. alternatives];
    }

    private string? SingleToken(string word, YamlNode node, string path)
    {
        var tokens = Tokens(word);
        if (tokens.Count == 1)
            return tokens[0];
        reader.Error(node, path, $"'{word}' must be exactly one word after normalization");
        return null;
    }

    /// <summary>The normalized token strings of a lexicon word, exactly as messages are normalized.</summary>
    private List<string> Tokens(string text)
    {
        if (_scratchNorm.Length < text.Length)
        {
            _scratchNorm = new char[text.Length * 2];
            _scratchTokens = new Token[text.Length * 2 + 1];
        }
        int normLength = 0, sentence = 0, clause = 0;
        var count = TextNormalizer.Normalize(text, 0, _scratchNorm, ref normLength, _scratchTokens.AsSpan(0, text.Length + 1), 0,
            ref sentence, ref clause);
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
            result.Add(new string(_scratchNorm, _scratchTokens[i].NormStart, _scratchTokens[i].NormLength));
        return result;
    }
}
