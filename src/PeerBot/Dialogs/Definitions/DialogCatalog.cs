namespace PeerBot.Dialogs.Definitions;

/// <summary>Every dialog from <c>dialogs/</c>, validated, plus the global settings. Immutable once loaded.</summary>
public sealed class DialogCatalog(GlobalDefinition global, IReadOnlyDictionary<string, DialogDefinition> dialogs)
{
    public GlobalDefinition Global { get; } = global;

    public IReadOnlyDictionary<string, DialogDefinition> Dialogs { get; } = dialogs;

    public DialogDefinition? Find(string dialogId) => Dialogs.GetValueOrDefault(dialogId);
}
