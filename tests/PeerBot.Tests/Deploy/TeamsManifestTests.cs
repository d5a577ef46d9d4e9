using System.Buffers.Binary;
using System.Text.Json;
using NJsonSchema;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Deploy;

/// <summary>deploy/teams against the Teams app manifest schema v1.22 in shared/fixtures/teams.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(Paths.RepositoryRoot, "deploy", "teams");

    [Fact]
    public async Task Manifest_ValidAgainstSchema122()
    {
        var schema = await SchemaAsync("MicrosoftTeams.schema.v1.22.json");

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public async Task Schema_RejectsUpstreamManifestWithPlaceholders()
    {
        // Proves the validator really applies the schema: the upstream sample's ${{…}} ids fail the GUID pattern.
        var schema = await SchemaAsync("MicrosoftTeams.schema.v1.22.json");

        var errors = schema.Validate(await File.ReadAllTextAsync(Paths.Fixture("teams", "manifest.bot.v1.22.EmptyAgent.upstream.json")));

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Path?.Contains("id", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory]
    [InlineData("MicrosoftTeams.schema.v1.22.json", true)]
    [InlineData("MicrosoftTeams.schema.v1.29.json", false)]
    public void ManifestVersion_MatchesSchemaConst(string schemaFile, bool matches)
    {
        // NJsonSchema reads draft-04 and ignores "const" (a draft-06 keyword), so this rule is checked by hand.
        using var schema = JsonDocument.Parse(File.ReadAllText(Paths.Fixture("teams", schemaFile)));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var required = schema.RootElement.GetProperty("properties").GetProperty("manifestVersion").GetProperty("const").GetString();

        Assert.Equal(matches, required == manifest.RootElement.GetProperty("manifestVersion").GetString());
        Assert.Equal(matches, manifest.RootElement.GetProperty("$schema").GetString()!.Contains("/v" + required + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_PersonalBotWithBothIcons()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var root = manifest.RootElement;

        Assert.Equal("1.22", root.GetProperty("manifestVersion").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray().ToList());
        Assert.Equal(["personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(root.GetProperty("id").GetString(), bot.GetProperty("botId").GetString());
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_IsRgbaPngOfTeamsSize(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Equal(6, bytes[25]); // colour type 6: RGBA, so the outline icon can be transparent
    }

    private static Task<JsonSchema> SchemaAsync(string name) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Paths.Fixture("teams", name)));
}
