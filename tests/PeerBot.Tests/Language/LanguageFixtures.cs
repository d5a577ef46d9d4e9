using System.Text.Json.Nodes;
using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Language;

/// <summary>The Azure AI Language contract fixtures in ../shared/fixtures/azure-language, found from the repository root.</summary>
internal static class LanguageFixtures
{
    public static string Folder { get; } = Paths.Fixture("azure-language");

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
}
