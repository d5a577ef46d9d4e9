using System.Text.Json.Nodes;

namespace PeerBot.Tests.Language;

/// <summary>The Azure AI Language contract fixtures in ../shared/fixtures/azure-language, found from the repository root.</summary>
internal static class LanguageFixtures
{
    public static string Folder { get; } = Path.Combine(SharedFolder(), "fixtures", "azure-language");

    public static JsonNode Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, relativePath)))!;

    /// <summary>A rest-api-specs example: (request body, 200 response body).</summary>
    public static (JsonObject Request, JsonObject Response) Example(string relativePath)
    {
        var example = Load(relativePath);
        return (example["parameters"]!["body"]!.AsObject(), example["responses"]!["200"]!["body"]!.AsObject());
    }

    /// <summary>
    /// <c>shared/</c> beside the repository (CI); in a git worktree under <c>wt/</c> it sits one level higher.
    /// </summary>
    private static string SharedFolder()
    {
        var root = RepositoryRoot();
        var besideRoot = Path.Combine(root, "..", "shared");
        return Directory.Exists(besideRoot) ? besideRoot : Path.Combine(root, "..", "..", "shared");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PeerBot.sln not found above the test output folder.");
    }
}
