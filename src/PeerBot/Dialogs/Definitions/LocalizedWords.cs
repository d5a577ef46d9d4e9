namespace PeerBot.Dialogs.Definitions;

/// <summary>Words a client may type for one thing, per locale. Matching accepts every locale's words.</summary>
public sealed class LocalizedWords(IReadOnlyDictionary<string, IReadOnlyList<string>> byLocale)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByLocale { get; } = byLocale;

    public IEnumerable<string> All => ByLocale.Values.SelectMany(words => words);
}
