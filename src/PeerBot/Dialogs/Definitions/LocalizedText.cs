namespace PeerBot.Dialogs.Definitions;

/// <summary>A text written once per supported locale (the loader guarantees every locale is present).</summary>
public sealed class LocalizedText(IReadOnlyDictionary<string, string> byLocale)
{
    public IReadOnlyDictionary<string, string> ByLocale { get; } = byLocale;

    public string Get(string locale) =>
        ByLocale.TryGetValue(locale, out var text) ? text : ByLocale[Locales.Default];
}
