namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>Paths to shared test data, found relative to the repository root (the folder holding PeerBot.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// <c>../shared</c> beside the repository (CI layout). A git worktree sits one or more folders deeper than the
    /// main clone, so the nearest ancestor's <c>shared</c> folder is used.
    /// </summary>
    public static string Shared { get; } = FindShared();

    public static string ActivityFixtures => Path.Combine(Shared, "fixtures", "activities");

    private static string FindShared()
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures")))
                return candidate;
        }
        throw new InvalidOperationException("No shared/fixtures folder beside the repository " + Root);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PeerBot.sln not found above " + AppContext.BaseDirectory);
    }
}
