namespace PeerBot.Dialogs.Loading;

/// <summary>One problem in a dialog file: where it is (file, line, path inside the file) and what is wrong.</summary>
public sealed record DialogLoadError(string File, int Line, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Path}: {Message}";
}
