using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Safety.Lexicon;

/// <summary>Strict reading of a YAML node tree: unknown keys and wrong shapes become errors with file, line and path.</summary>
internal sealed class YamlReader(string file)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public string File => file;

    public static YamlNode? Parse(string file, string content, YamlReader reader)
    {
        try
        {
            var stream = new YamlStream();
            using var text = new StringReader(content);
            stream.Load(text);
            if (stream.Documents.Count != 1)
            {
                reader._errors.Add($"{file}:1: (root): expected exactly one YAML document");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            reader._errors.Add($"{file}:{ex.Start.Line}: (syntax): {ex.Message}");
            return null;
        }
    }

    public void Error(YamlNode? node, string path, string message) =>
        _errors.Add($"{file}:{node?.Start.Line ?? 1}: {path}: {message}");

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new LexiconException(_errors);
    }

    /// <summary>The entries of a mapping; keys not in <paramref name="allowed"/> are reported.</summary>
    public List<(string Key, YamlNode Value)> Entries(YamlNode? node, string path, params string[] allowed)
    {
        var result = new List<(string, YamlNode)>();
        if (node is not YamlMappingNode map)
        {
            Error(node, path, "expected a mapping");
            return result;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (allowed.Length > 0 && !allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, path, $"unknown key '{key}' (allowed: {string.Join(", ", allowed)})");
                continue;
            }
            result.Add((key, value));
        }
        return result;
    }

    public string? Scalar(YamlNode? node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
            return value;
        Error(node, path, "expected a non-empty text value");
        return null;
    }

    public List<(string Value, YamlNode Node)> List(YamlNode? node, string path)
    {
        var result = new List<(string, YamlNode)>();
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path, "expected a list");
            return result;
        }
        var i = 0;
        foreach (var item in sequence.Children)
        {
            var value = Scalar(item, $"{path}[{i++}]");
            if (value is not null)
                result.Add((value, item));
        }
        return result;
    }
}
