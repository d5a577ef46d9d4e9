namespace PeerBot.Safety;

/// <summary>Finds the content folder <c>dialogs/</c> by walking up from the given start folders.</summary>
internal static class SafetyPaths
{
    public const string LexiconRelative = "dialogs/safety/lexicon.yaml";
    public const string TextsFileName = "texts.yaml";

    public static string FindLexicon(params string?[] starts)
    {
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start))
                continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "dialogs", "safety", "lexicon.yaml");
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return Path.Combine(starts.FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? ".", LexiconRelative);
    }

    public static string TextsBeside(string lexiconPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lexiconPath)) ?? ".", TextsFileName);
}
