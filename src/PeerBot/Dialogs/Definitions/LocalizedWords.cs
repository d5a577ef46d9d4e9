namespace PeerBot.Dialogs.Definitions;

/// <summary>Words a client may type for one thing, per locale. Matching accepts every locale's words.</summary>
public sealed class LocalizedWords(IReadOnlyDictionary<string, IReadOnlyList<string>> byLocale)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByLocale { get; } = byLocale;

    private IReadOnlySet<string>? _normalized;

    public IEnumerable<string> All => ByLocale.Values.SelectMany(words => words);

    /// <summary>Every locale's words as <see cref="Running.AnswerMatcher.Normalize"/> writes them, built once.</summary>
    public IReadOnlySet<string> Normalized =>
        _normalized ??= All.Select(Running.AnswerMatcher.Normalize).ToHashSet(StringComparer.Ordinal);
}
