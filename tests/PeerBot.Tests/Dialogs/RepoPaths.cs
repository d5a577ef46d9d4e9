namespace PeerBot.Tests.Dialogs;

/// <summary>Paths computed from the repository root (the folder holding PeerBot.sln), never hard-coded.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string Transcripts => Path.Combine(Root, "tests", "PeerBot.Tests", "Dialogs", "Transcripts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PeerBot.sln not found above the test binaries.");
    }
}
