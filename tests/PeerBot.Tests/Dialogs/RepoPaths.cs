using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Dialogs;

/// <summary>Paths computed from the repository root (the folder holding PeerBot.sln), never hard-coded.</summary>
internal static class RepoPaths
{
    public static string Root => Paths.RepositoryRoot;

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string Transcripts => Path.Combine(Root, "tests", "PeerBot.Tests", "Dialogs", "Transcripts");
}
