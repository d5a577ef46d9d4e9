using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Dialogs.Loading;

/// <summary>Reads one YAML file into its root mapping, turning syntax errors into located errors.</summary>
internal static class YamlFile
{
    public static YamlMapping? Read(string path, string displayName, YamlErrorSink sink)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            // YamlDotNet's message describes the syntax only; a dialog file holds no client words.
            sink.Add((int)ex.Start.Line, "(file)", $"not valid YAML: {ex.Message}");
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            sink.Add(1, "(file)", "must hold exactly one YAML document");
            return null;
        }
        return sink.AsMapping(stream.Documents[0].RootNode, displayName);
    }
}
