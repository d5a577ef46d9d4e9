using System.Text.Json;
using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

public sealed class SafetyEvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peerbot-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SafetyEvalCommand.RunAsync([.. args, "--lexicon", SafetyTestPaths.Lexicon], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Json_HasExactlyTheIssueKeys()
    {
        var file = Write("text\ttier\tnote\ni want to die\tcrisis\tx\nsee you at group\tnone\tx\nfeel so alone\tmoderate\tx\nrelapsed\thigh\tx\nthis is fine\tcrisis\tmissed\n");
        var (code, output, _) = await Run(file, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["n", "recall", "atOrAboveRecall", "noneFalsePositiveRate", "criticalMisses"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["crisis", "high", "moderate", "none"], root.GetProperty("recall").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["crisis", "high", "moderate"], root.GetProperty("atOrAboveRecall").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(5, root.GetProperty("n").GetInt32());
        Assert.Equal(0.5, root.GetProperty("recall").GetProperty("crisis").GetDouble());
        Assert.Equal(1, root.GetProperty("criticalMisses").GetInt32());
        Assert.Equal(0.0, root.GetProperty("noneFalsePositiveRate").GetDouble());
    }

    [Fact]
    public async Task Text_ListsConfusionAndCriticalMissesWithText()
    {
        var file = Write("text\ttier\tnote\nthis is fine\tcrisis\tmissed\n");
        var (code, output, _) = await Run(file);

        Assert.Equal(0, code);
        Assert.Contains("confusion", output, StringComparison.Ordinal);
        Assert.Contains("precision", output, StringComparison.Ordinal);
        Assert.Contains("line 2: predicted none: this is fine", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text\tlabel\nhello\tnone\n", ":1: expected the header")]
    [InlineData("text\ttier\tnote\nhello\turgent\tx\n", ":2: tier must be")]
    [InlineData("text\ttier\tnote\nhello without tabs\n", ":2: expected at least two")]
    public async Task BadInput_ClearErrorAndNonZeroExit(string content, string message)
    {
        var (code, _, error) = await Run(Write(content));
        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ClearErrorAndNonZeroExit()
    {
        var (code, _, error) = await Run(Path.Combine(_dir, "nope.tsv"));
        Assert.NotEqual(0, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }
}
