using PeerBot.Safety.Matching;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Safety.Lexicon;

/// <summary>
/// Loads and strictly validates dialogs/safety/lexicon.yaml. Every problem is collected with file, line and path,
/// then thrown together as a <see cref="LexiconException"/>.
/// </summary>
internal static class LexiconLoader
{
    private static readonly string[] RequiredClasses = ["first_person", "third_person", "clause_break", "lang_es", "lang_en"];
    private static readonly string[] RuleKeys =
        ["id", "tier", "category", "patterns", "all", "atLeast", "window", "acrossSentences", "examples", "negated", "past", "thirdPerson",
            "requiresDenial", "negationInside", "note"];
    private const int MaxParts = 6;
    private const int MaxWindow = 40;

    public static CompiledLexicon Load(string path)
    {
        if (!File.Exists(path))
            throw new LexiconException([$"{path}:0: (file): the safety lexicon file was not found"]);
        return Parse(path, File.ReadAllText(path));
    }

    public static CompiledLexicon Parse(string file, string content)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Parse(file, content, reader);
        reader.ThrowIfAny();
        var top = reader.Entries(root, "(root)", "version", "attribution", "settings", "classes", "aliases", "contractions",
            "cues", "exclusions", "rules").ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var required in new[] { "version", "attribution", "classes", "cues", "rules" })
        {
            if (!top.ContainsKey(required))
                reader.Error(root, "(root)", $"missing required key '{required}'");
        }
        reader.ThrowIfAny();
        if (reader.Scalar(top["version"], "version") is { } version && version != "1")
            reader.Error(top["version"], "version", "only version 1 is supported");

        var (negationWindow, gapMax) = ReadSettings(reader, top.GetValueOrDefault("settings"));
        // Sized from the file: the current lexicon has about one trie node per 5-6 characters of YAML.
        var compiler = new PatternCompiler(reader, gapMax, content.Length / 5);
        if (top.TryGetValue("aliases", out var aliases))
        {
            foreach (var (alias, canonical) in reader.Entries(aliases, "aliases"))
            {
                if (reader.Scalar(canonical, $"aliases.{alias}") is { } value)
                    compiler.AddAlias(alias, value, canonical, $"aliases.{alias}");
            }
        }
        if (top.TryGetValue("contractions", out var contractions))
        {
            foreach (var (word, forms) in reader.Entries(contractions, "contractions"))
            {
                if (reader.Scalar(forms, $"contractions.{word}") is { } value && !compiler.Contractions.Add(word, value))
                    reader.Error(forms, $"contractions.{word}", $"'{word}' must be one word, listed once, with at least one spelled-out form");
            }
        }
        ReadClasses(reader, compiler, top["classes"]);
        ReadCues(reader, compiler, top["cues"]);
        var exclusions = top.TryGetValue("exclusions", out var ex) ? ReadExclusions(reader, compiler, ex) : [];
        var partRules = new List<int>();
        var rules = ReadRules(reader, compiler, top["rules"], partRules);
        reader.ThrowIfAny();

        var (vocabulary, trie, targets) = compiler.Build();
        return new CompiledLexicon
        {
            SourcePath = file,
            Vocabulary = vocabulary,
            Trie = trie,
            Targets = targets,
            Rules = [.. rules],
            PartRules = [.. partRules],
            Exclusions = [.. exclusions],
            NegationWindow = negationWindow,
            PatternCount = compiler.PatternCount,
            NumClass = compiler.ClassMask("num"),
            YearClass = compiler.ClassMask("year"),
            FirstPersonClass = compiler.ClassMask("first_person"),
            ThirdPersonClass = compiler.ClassMask("third_person"),
            ClauseBreakClass = compiler.ClassMask("clause_break"),
            SpanishClass = compiler.ClassMask("lang_es"),
            EnglishClass = compiler.ClassMask("lang_en"),
        };
    }

    private static (int NegationWindow, int GapMax) ReadSettings(YamlReader reader, YamlNode? node)
    {
        int negationWindow = 4, gapMax = 3;
        if (node is null)
            return (negationWindow, gapMax);
        foreach (var (key, value) in reader.Entries(node, "settings", "negationWindow", "gapMax"))
        {
            var text = reader.Scalar(value, $"settings.{key}");
            if (!int.TryParse(text, out var number) || number < 0 || number > 10)
            {
                reader.Error(value, $"settings.{key}", "expected a whole number from 0 to 10");
                continue;
            }
            if (key == "negationWindow")
                negationWindow = number;
            else
                gapMax = number;
        }
        return (negationWindow, gapMax);
    }

    private static void ReadClasses(YamlReader reader, PatternCompiler compiler, YamlNode node)
    {
        foreach (var name in PatternCompiler.AutoClasses)
            compiler.DeclareClass(name);
        var entries = reader.Entries(node, "classes");
        foreach (var (name, _) in entries)
        {
            if (!compiler.DeclareClass(name))
                reader.Error(node, $"classes.{name}", "at most 64 classes are supported");
        }
        foreach (var required in RequiredClasses)
        {
            if (!entries.Any(e => e.Key == required))
                reader.Error(node, "classes", $"missing required class '{required}'");
        }
        foreach (var (name, list) in entries)
        {
            foreach (var (word, itemNode) in reader.List(list, $"classes.{name}"))
                compiler.AddClassWord(name, word, itemNode, $"classes.{name}");
        }
    }

    private static void ReadCues(YamlReader reader, PatternCompiler compiler, YamlNode node)
    {
        foreach (var (key, list) in reader.Entries(node, "cues", "negation", "negationAfter", "pseudoNegation", "past", "recent"))
        {
            var kind = key switch
            {
                "negation" => TargetKind.Negation,
                "negationAfter" => TargetKind.NegationAfter,
                "pseudoNegation" => TargetKind.PseudoNegation,
                "past" => TargetKind.Past,
                _ => TargetKind.Recent,
            };
            foreach (var (pattern, itemNode) in reader.List(list, $"cues.{key}"))
                compiler.AddPattern(pattern, new PatternTarget(kind, 0), itemNode, $"cues.{key}");
        }
    }

    private static List<CompiledExclusion> ReadExclusions(YamlReader reader, PatternCompiler compiler, YamlNode node)
    {
        var result = new List<CompiledExclusion>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "exclusions", "expected a list");
            return result;
        }
        foreach (var item in sequence.Children)
        {
            var path = $"exclusions[{result.Count}]";
            var fields = reader.Entries(item, path, "id", "patterns", "examples", "suppresses", "note")
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var id = fields.TryGetValue("id", out var idNode) ? reader.Scalar(idNode, $"{path}.id") : null;
            if (id is null)
            {
                reader.Error(item, path, "missing 'id'");
                id = path;
            }
            path = $"exclusions[{id}]";
            foreach (var (pattern, patternNode) in RequiredList(reader, fields, "patterns", item, path))
                compiler.AddPattern(pattern, new PatternTarget(TargetKind.Exclusion, result.Count), patternNode, $"{path}.patterns");
            var examples = RequiredList(reader, fields, "examples", item, path).Select(e => e.Value).ToList();
            HashSet<string>? categories = null;
            if (fields.TryGetValue("suppresses", out var suppressNode))
                categories = [.. RequiredList(reader, fields, "suppresses", item, path).Select(e => e.Value)];
            result.Add(new CompiledExclusion(id, examples, categories));
        }
        return result;
    }

    private static List<CompiledRule> ReadRules(YamlReader reader, PatternCompiler compiler, YamlNode node,
        List<int> partRules)
    {
        var result = new List<CompiledRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "rules", "expected a list");
            return result;
        }
        foreach (var item in sequence.Children)
        {
            var path = $"rules[{result.Count}]";
            var fields = reader.Entries(item, path, RuleKeys).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var id = fields.TryGetValue("id", out var idNode) ? reader.Scalar(idNode, $"{path}.id") : null;
            if (id is null)
                reader.Error(item, path, "missing 'id'");
            else if (!ids.Add(id))
                reader.Error(idNode, $"{path}.id", $"duplicate rule id '{id}'");
            path = $"rules[{id ?? result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            var tier = fields.TryGetValue("tier", out var tierNode) ? ParseTier(reader, tierNode, $"{path}.tier", false) : null;
            if (tier is null or DistressTier.None)
            {
                reader.Error(item, $"{path}.tier", "missing or invalid tier (crisis, high or moderate)");
                tier = DistressTier.Moderate;
            }
            var category = fields.TryGetValue("category", out var categoryNode) ? reader.Scalar(categoryNode, $"{path}.category") : null;
            if (category is null)
                reader.Error(item, $"{path}.category", "missing category");
            var negated = Modifier(reader, fields, "negated", path, DistressTier.None);
            var past = Modifier(reader, fields, "past", path, DistressTier.None);
            var third = Modifier(reader, fields, "thirdPerson", path, null);
            var requiresDenial = false;
            if (fields.TryGetValue("requiresDenial", out var denialNode)
                && !bool.TryParse(reader.Scalar(denialNode, $"{path}.requiresDenial"), out requiresDenial))
                reader.Error(denialNode, $"{path}.requiresDenial", "expected true or false");
            var negationInside = false;
            if (fields.TryGetValue("negationInside", out var insideNode)
                && !bool.TryParse(reader.Scalar(insideNode, $"{path}.negationInside"), out negationInside))
                reader.Error(insideNode, $"{path}.negationInside", "expected true or false");
            var firstPart = partRules.Count;
            var cooccurrence = fields.ContainsKey("all");
            if (!cooccurrence || fields.ContainsKey("patterns"))
            {
                foreach (var (pattern, patternNode) in RequiredList(reader, fields, "patterns", item, path))
                    compiler.AddPattern(pattern, new PatternTarget(TargetKind.Rule, result.Count), patternNode, $"{path}.patterns");
            }
            var (window, across) = cooccurrence
                ? ReadCooccurrence(reader, compiler, fields, path, result.Count, partRules)
                : (0, false);
            var partCount = partRules.Count - firstPart;
            var atLeast = partCount;
            if (fields.TryGetValue("atLeast", out var atLeastNode)
                && (!int.TryParse(reader.Scalar(atLeastNode, $"{path}.atLeast"), out atLeast) || atLeast < 2 || atLeast > partCount))
            {
                reader.Error(atLeastNode, $"{path}.atLeast", "expected a whole number from 2 to the number of parts");
                atLeast = partCount;
            }
            var examples = RequiredList(reader, fields, "examples", item, path).Select(e => e.Value).ToList();
            result.Add(new CompiledRule(id ?? path, tier.Value, category ?? "unknown", negated, past, third,
                requiresDenial, examples, negationInside, firstPart, partCount, window, across, atLeast));
        }
        return result;
    }

    /// <summary>
    /// Reads a co-occurrence rule: <c>all</c> is a list of 2–6 parts, each a list of patterns; <c>window</c> (words,
    /// default 12) bounds the span from the first to the last part; <c>acrossSentences</c> lets the parts sit in
    /// different sentences of the message.
    /// </summary>
    private static (int Window, bool AcrossSentences) ReadCooccurrence(YamlReader reader, PatternCompiler compiler,
        Dictionary<string, YamlNode> fields, string path, int ruleIndex, List<int> partRules)
    {
        var window = 12;
        if (fields.TryGetValue("window", out var windowNode)
            && (!int.TryParse(reader.Scalar(windowNode, $"{path}.window"), out window) || window < 1 || window > MaxWindow))
        {
            reader.Error(windowNode, $"{path}.window", $"expected a whole number from 1 to {MaxWindow}");
            window = 12;
        }
        var across = false;
        if (fields.TryGetValue("acrossSentences", out var acrossNode)
            && !bool.TryParse(reader.Scalar(acrossNode, $"{path}.acrossSentences"), out across))
            reader.Error(acrossNode, $"{path}.acrossSentences", "expected true or false");
        if (fields["all"] is not YamlSequenceNode parts || parts.Children.Count is < 2 or > MaxParts)
        {
            reader.Error(fields["all"], $"{path}.all", $"expected a list of 2 to {MaxParts} parts (each a list of patterns)");
            return (window, across);
        }
        for (var p = 0; p < parts.Children.Count; p++)
        {
            var partPath = $"{path}.all[{p}]";
            var patterns = reader.List(parts.Children[p], partPath);
            if (patterns.Count == 0)
                reader.Error(parts.Children[p], partPath, "needs at least one pattern");
            var partIndex = partRules.Count;
            partRules.Add(ruleIndex);
            foreach (var (pattern, patternNode) in patterns)
                compiler.AddPattern(pattern, new PatternTarget(TargetKind.Part, partIndex), patternNode, partPath);
        }
        return (window, across);
    }

    private static List<(string Value, YamlNode Node)> RequiredList(YamlReader reader,
        Dictionary<string, YamlNode> fields, string key, YamlNode item, string path)
    {
        if (!fields.TryGetValue(key, out var list))
        {
            reader.Error(item, path, $"missing '{key}' (at least one entry)");
            return [];
        }
        var values = reader.List(list, $"{path}.{key}");
        if (values.Count == 0)
            reader.Error(list, $"{path}.{key}", "needs at least one entry");
        return values;
    }

    /// <summary>A modifier is "keep" (ignore the modifier: null) or the tier a modified hit takes.</summary>
    private static DistressTier? Modifier(YamlReader reader, Dictionary<string, YamlNode> fields, string key,
        string path, DistressTier? fallback)
    {
        if (!fields.TryGetValue(key, out var node))
            return fallback;
        var text = reader.Scalar(node, $"{path}.{key}");
        return text == "keep" ? null : ParseTier(reader, node, $"{path}.{key}", true) ?? fallback;
    }

    private static DistressTier? ParseTier(YamlReader reader, YamlNode node, string path, bool allowModifier)
    {
        var text = (node as YamlScalarNode)?.Value;
        DistressTier? tier = text switch
        {
            "crisis" => DistressTier.Crisis,
            "high" => DistressTier.High,
            "moderate" => DistressTier.Moderate,
            "none" => DistressTier.None,
            _ => null,
        };
        if (tier is null)
            reader.Error(node, path, allowModifier ? "expected keep, none, moderate, high or crisis" : "expected crisis, high or moderate");
        return tier;
    }
}
