namespace PeerBot.Tests.Testing;

/// <summary>Locations in the checkout and in ../shared beside it (CI clones elsewhere, so nothing is absolute).</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Dialogs => Path.Combine(RepositoryRoot, "dialogs");

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Fixture(params string[] parts) => Path.Combine([Shared, "fixtures", .. parts]);

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
