using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PeerBot.Resources;

/// <summary>
/// How HSDS services are filed under our categories, from <c>dialogs/resources/categories.yaml</c>: taxonomy
/// code prefixes and whole-word keywords (case- and accent-insensitive) in a service's name, alternate name,
/// description, program name and taxonomy term names. A service can fall in several categories.
/// </summary>
public sealed class CategoryMap
{
    private readonly IReadOnlyList<(string Category, IReadOnlyList<string> Codes, IReadOnlyList<string> Keywords)> _rules;

    private CategoryMap(IReadOnlyList<(string, IReadOnlyList<string>, IReadOnlyList<string>)> rules) => _rules = rules;

    public const string FileName = "categories.yaml";

    /// <summary>Loads and validates the mapping; unknown keys or categories are errors with the file and line.</summary>
    public static CategoryMap Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        CategoryMapFile file;
        try
        {
            using var reader = File.OpenText(path);
            file = deserializer.Deserialize<CategoryMapFile>(reader) ?? new CategoryMapFile();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }

        var rules = new List<(string, IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var (name, rule) in file.Categories)
        {
            if (!ResourceCategories.All.Contains(name))
                throw new InvalidDataException($"{path}: categories.{name}: unknown category (use one of {string.Join(", ", ResourceCategories.All)})");
            var keywords = rule.Keywords.Select(Words).Where(k => k.Length > 0).ToList();
            if (keywords.Count == 0 && rule.TaxonomyCodes.Count == 0)
                throw new InvalidDataException($"{path}: categories.{name}: needs keywords or taxonomy_codes");
            rules.Add((name, rule.TaxonomyCodes.Select(c => c.Trim()).ToList(), keywords));
        }
        return new CategoryMap(rules);
    }

    /// <summary>Each category the service falls in, with the first rule that matched.</summary>
    public IReadOnlyList<(string Category, string Reason)> Match(IEnumerable<string?> texts, IEnumerable<string> taxonomyCodes)
    {
        var haystack = " " + string.Join(" | ", texts.Select(Words)) + " ";
        var codes = taxonomyCodes.ToList();
        var matches = new List<(string, string)>();
        foreach (var (category, prefixes, keywords) in _rules)
        {
            var code = prefixes.FirstOrDefault(p => codes.Any(c => c.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
            if (code is not null)
            {
                matches.Add((category, $"taxonomy {code}"));
                continue;
            }
            var keyword = keywords.FirstOrDefault(k => haystack.Contains($" {k} ", StringComparison.Ordinal));
            if (keyword is not null)
                matches.Add((category, $"keyword '{keyword}'"));
        }
        return matches;
    }

    /// <summary>Lower-case, accent-free words separated by single spaces.</summary>
    private static string Words(string? text)
    {
        var key = TextKey.Of(text);
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class CategoryMapFile
    {
        public Dictionary<string, CategoryRuleFile> Categories { get; set; } = [];
    }

    private sealed class CategoryRuleFile
    {
        public List<string> TaxonomyCodes { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
    }
}
