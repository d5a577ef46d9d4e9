using PeerBot.Dialogs.Definitions;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Dialogs.Loading;

/// <summary>
/// Reads the keys of one YAML mapping and records an error (file, line, path) for anything missing, mistyped or
/// unknown. Each reader method marks its key as known; <see cref="RejectUnknownKeys"/> reports the rest.
/// </summary>
internal sealed class YamlMapping(YamlMappingNode node, string path, YamlErrorSink sink)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public int Line => (int)node.Start.Line;

    public bool Has(string key) => Find(key) is not null;

    public void Allow(params string[] keys)
    {
        foreach (var key in keys)
            _known.Add(key);
    }

    public YamlNode? Node(string key, bool required)
    {
        _known.Add(key);
        var value = Find(key);
        if (value is null && required)
            sink.Add(node, Path.Length == 0 ? "(top)" : Path, $"'{key}' is missing");
        return value;
    }

    public string? String(string key, bool required)
    {
        var value = Node(key, required);
        if (value is null)
            return null;
        if (value is YamlScalarNode { Value: { Length: > 0 } text })
            return text;
        sink.Add(value, Sub(key), "must be a single word or text");
        return null;
    }

    public int? Int(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number;
        sink.Add(Find(key)!, Sub(key), $"'{text}' is not a whole number");
        return null;
    }

    public LocalizedText? Text(string key, bool required)
    {
        var value = Node(key, required);
        return value is null ? null : sink.ReadText(value, Sub(key));
    }

    public LocalizedWords? Words(string key, bool required)
    {
        var value = Node(key, required);
        return value is null ? null : sink.ReadWords(value, Sub(key));
    }

    public YamlMapping? Mapping(string key, bool required)
    {
        var value = Node(key, required);
        return value is null ? null : sink.AsMapping(value, Sub(key));
    }

    public IReadOnlyList<(YamlNode Node, string Key)> Entries =>
        node.Children.Select(c => (c.Value, (c.Key as YamlScalarNode)?.Value ?? string.Empty)).ToList();

    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_known.Contains(name))
                sink.Add(key, Sub(name), $"unknown key '{name}' (allowed here: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
        }
    }

    private string Sub(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode? Find(string key) =>
        node.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == key).Value;
}
