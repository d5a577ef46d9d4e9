namespace PeerBot.Tests.Dialogs;

/// <summary>A copy of the shipped dialogs folder in a temp directory, for tests that add or break a file.</summary>
internal sealed class TempDialogs : IDisposable
{
    public TempDialogs()
    {
        Folder = Path.Combine(Path.GetTempPath(), "peerbot-dlg-" + Guid.NewGuid().ToString("N"), "dialogs");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(RepoPaths.Dialogs, "*.yaml"))
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
    }

    public string Folder { get; }

    public TempDialogs Write(string name, string yaml)
    {
        File.WriteAllText(Path.Combine(Folder, name), yaml.ReplaceLineEndings("\n"));
        return this;
    }

    public TempDialogs Edit(string name, string find, string replace)
    {
        var path = Path.Combine(Folder, name);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
            throw new InvalidOperationException($"'{find}' not found in {name}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return this;
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
}
