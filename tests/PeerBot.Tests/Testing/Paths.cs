namespace PeerBot.Tests.Testing;

/// <summary>Locations in the checkout and in ../shared beside it (CI clones elsewhere, so nothing is absolute).</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Dialogs => Path.Combine(RepositoryRoot, "dialogs");

    /// <summary>shared/ beside the clone (CI: root/../shared); a git worktree may sit one folder deeper.</summary>
    public static string Shared { get; } = FindShared();

    public static string Fixture(params string[] parts) => Path.Combine([Shared, "fixtures", .. parts]);

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures")))
                return candidate;
        }
        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
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
