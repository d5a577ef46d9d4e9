namespace PeerBot.Tests.Safety;

/// <summary>Paths computed from the repository root (the folder holding PeerBot.sln); shared/ sits beside it.</summary>
internal static class SafetyTestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Lexicon => Path.Combine(RepoRoot, "dialogs", "safety", "lexicon.yaml");

    public static string Texts => Path.Combine(RepoRoot, "dialogs", "safety", "texts.yaml");

    /// <summary>shared/ beside the clone (CI: root/../shared); a git worktree may sit one folder deeper.</summary>
    public static string Shared { get; } = FindShared();

    public static string DevSet => Path.Combine(Shared, "evaldata", "dev.tsv");

    public static string SmsCorpus => Path.Combine(Shared, "fixtures", "sms-corpus", "SMSSpamCollection.tsv");

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "evaldata")))
                return candidate;
        }
        return Path.Combine(RepoRoot, "..", "shared");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PeerBot.sln not found above the test binaries");
    }
}
