using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs;

/// <summary>Finds the dialogs folder: the configured path, or a <c>dialogs/global.yaml</c> up the tree.</summary>
public static class DialogFolder
{
    public const string Name = "dialogs";

    public static string Resolve(string? configured, params string?[] startDirectories)
    {
        var starts = startDirectories.OfType<string>().Where(d => d.Length > 0).ToList();
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, starts.FirstOrDefault() ?? Directory.GetCurrentDirectory());
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Name);
                if (File.Exists(Path.Combine(candidate, GlobalDefinition.FileName)))
                    return candidate;
            }
        }
        // Nothing found: report the first place we would have looked, so the error names a real path.
        return Path.Combine(starts.FirstOrDefault() ?? Directory.GetCurrentDirectory(), Name);
    }
}
