using PeerBot.Dialogs.Definitions;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Dialogs.Loading;

/// <summary>Collects the errors of one file and reads the shapes every file shares (texts, word lists).</summary>
internal sealed class YamlErrorSink(string file, List<DialogLoadError> errors)
{
    public string File { get; } = file;

    public void Add(YamlNode node, string path, string message) =>
        errors.Add(new DialogLoadError(File, (int)node.Start.Line, path, message));

    public void Add(int line, string path, string message) =>
        errors.Add(new DialogLoadError(File, line, path, message));

    public YamlMapping? AsMapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode mapping)
            return new YamlMapping(mapping, path, this);
        Add(node, path, "must be a set of 'key: value' lines");
        return null;
    }

    public IReadOnlyList<YamlNode>? AsList(YamlNode node, string path)
    {
        if (node is YamlSequenceNode list)
            return list.Children.ToList();
        Add(node, path, "must be a list (lines starting with '- ')");
        return null;
    }

    /// <summary><c>{en: "...", es: "..."}</c>: one non-empty text per supported locale, no others.</summary>
    public LocalizedText? ReadText(YamlNode node, string path)
    {
        var mapping = AsMapping(node, path);
        if (mapping is null)
            return null;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var locale in Locales.Supported)
        {
            var text = mapping.String(locale, required: false);
            if (text is null && !mapping.Has(locale))
                Add(node, $"{path}.{locale}", $"missing text for locale '{locale}'");
            else if (text is not null)
                texts[locale] = text.TrimEnd();
        }
        mapping.RejectUnknownKeys();
        return texts.Count == Locales.Supported.Count ? new LocalizedText(texts) : null;
    }

    /// <summary><c>{en: [a, b], es: [c]}</c>: a word list per supported locale.</summary>
    public LocalizedWords? ReadWords(YamlNode node, string path)
    {
        var mapping = AsMapping(node, path);
        if (mapping is null)
            return null;
        var words = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var locale in Locales.Supported)
        {
            var value = mapping.Node(locale, required: false);
            if (value is null)
            {
                Add(node, $"{path}.{locale}", $"missing words for locale '{locale}'");
                continue;
            }
            var list = AsList(value, $"{path}.{locale}");
            if (list is null)
                continue;
            var items = list.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)
                .Where(s => s.Length > 0).ToList();
            if (items.Count != list.Count)
                Add(value, $"{path}.{locale}", "every item must be a word or phrase");
            words[locale] = items;
        }
        mapping.RejectUnknownKeys();
        return words.Count == Locales.Supported.Count ? new LocalizedWords(words) : null;
    }
}
