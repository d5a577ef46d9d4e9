namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>Paths to shared test data, found relative to the repository root (the folder holding PeerBot.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ActivityFixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "activities"));

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
