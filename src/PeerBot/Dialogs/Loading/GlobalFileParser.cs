using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Loading;

/// <summary>Reads <c>dialogs/global.yaml</c>: the dialogs that play a part, shared texts and command words.</summary>
internal static class GlobalFileParser
{
    public static GlobalDefinition? Parse(string path, string displayName, YamlErrorSink sink)
    {
        var root = YamlFile.Read(path, string.Empty, sink);
        if (root is null)
            return null;
        var main = root.String("main", true);
        var welcome = root.String("welcome", true);
        var help = root.String("help", true);
        var peerOffer = root.String("peer-offer", true);
        var plan = root.String("plan", true);
        var goals = root.String("goals", true);
        var maxTries = root.Int("max-tries", true);
        var textsNode = root.Mapping("texts", true);
        var wordsNode = root.Mapping("words", true);
        root.RejectUnknownKeys();

        if (maxTries is < 1 or > 10)
            sink.Add(root.Line, "max-tries", "must be between 1 and 10");

        var texts = new Dictionary<GlobalText, LocalizedText>();
        if (textsNode is not null)
        {
            foreach (var (name, key) in GlobalDefinition.TextNames)
            {
                if (textsNode.Text(name, true) is { } text)
                    texts[key] = text;
            }
            textsNode.RejectUnknownKeys();
        }
        var words = new Dictionary<GlobalWord, LocalizedWords>();
        if (wordsNode is not null)
        {
            foreach (var (name, key) in GlobalDefinition.WordNames)
            {
                if (wordsNode.Words(name, true) is { } list)
                    words[key] = list;
            }
            wordsNode.RejectUnknownKeys();
        }

        if (main is null || welcome is null || help is null || peerOffer is null || plan is null || goals is null
            || maxTries is null || texts.Count != GlobalDefinition.TextNames.Count
            || words.Count != GlobalDefinition.WordNames.Count)
            return null;
        return new GlobalDefinition(displayName, main, welcome, help, peerOffer, plan, maxTries.Value, texts, words)
        {
            Line = root.Line,
            Goals = goals,
        };
    }
}
