using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Loading;

/// <summary>
/// The outcome of loading a dialogs folder (the catalog when every file is valid) or one file (no catalog).
/// </summary>
public sealed record DialogLoadResult(DialogCatalog? Catalog, IReadOnlyList<DialogLoadError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public string Describe() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
