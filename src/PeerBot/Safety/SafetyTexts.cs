using PeerBot.Safety.Lexicon;

namespace PeerBot.Safety;

/// <summary>
/// The crisis and support texts clinicians edit in dialogs/safety/texts.yaml, per locale. English and Spanish are
/// required, each with every key; a missing text stops the app at start-up.
/// </summary>
public sealed class SafetyTexts
{
    public static readonly string[] RequiredLocales = ["en", "es"];
    public static readonly string[] Keys = ["crisis", "overdose", "reminder", "high", "not-safe", "safe"];

    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    private SafetyTexts(Dictionary<string, Dictionary<string, string>> texts) => _texts = texts;

    /// <summary>The text for <paramref name="key"/> in Spanish when asked, otherwise English.</summary>
    public string Get(string key, bool spanish) => _texts[spanish ? "es" : "en"][key];

    public static SafetyTexts Load(string path)
    {
        if (!File.Exists(path))
            throw new LexiconException([$"{path}:0: (file): the safety texts file was not found"]);
        return Parse(path, File.ReadAllText(path));
    }

    public static SafetyTexts Parse(string file, string content)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Parse(file, content, reader);
        reader.ThrowIfAny();
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var top = reader.Entries(root, "(root)", "locales");
        if (top.Count == 0)
            reader.Error(root, "(root)", "missing required key 'locales'");
        foreach (var (_, localesNode) in top)
        {
            foreach (var (locale, localeNode) in reader.Entries(localesNode, "locales"))
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in reader.Entries(localeNode, $"locales.{locale}", Keys))
                {
                    if (reader.Scalar(value, $"locales.{locale}.{key}") is { } text)
                        values[key] = text.Trim();
                }
                foreach (var key in Keys.Where(k => !values.ContainsKey(k)))
                    reader.Error(localeNode, $"locales.{locale}", $"missing text '{key}'");
                texts[locale] = values;
            }
            foreach (var locale in RequiredLocales.Where(l => !texts.ContainsKey(l)))
                reader.Error(localesNode, "locales", $"missing locale '{locale}'");
        }
        reader.ThrowIfAny();
        return new SafetyTexts(texts);
    }
}
