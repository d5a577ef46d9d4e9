using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Safety;

/// <summary>Paths computed from the repository root (the folder holding PeerBot.sln); shared/ sits beside it.</summary>
internal static class SafetyTestPaths
{
    public static string RepoRoot => Paths.RepositoryRoot;

    public static string Lexicon => Path.Combine(RepoRoot, "dialogs", "safety", "lexicon.yaml");

    public static string Texts => Path.Combine(RepoRoot, "dialogs", "safety", "texts.yaml");

    public static string Shared => Paths.Shared;

    public static string DevSet => Path.Combine(Shared, "evaldata", "dev.tsv");

    public static string SmsCorpus => Path.Combine(Shared, "fixtures", "sms-corpus", "SMSSpamCollection.tsv");
}
