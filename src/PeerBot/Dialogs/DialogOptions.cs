namespace PeerBot.Dialogs;

public sealed class DialogOptions
{
    public const string Section = "PeerBot:Dialogs";

    /// <summary>
    /// Folder with the dialog files. Empty: the <c>dialogs</c> folder found by walking up from the content root
    /// (then from the app's base directory). A relative path is taken from the content root.
    /// </summary>
    public string? Path { get; set; }
}
