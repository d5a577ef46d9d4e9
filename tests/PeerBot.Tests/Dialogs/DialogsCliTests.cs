using PeerBot.Dialogs;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class DialogsCliTests
{
    [Fact]
    public async Task Validate_ShippedFolder_ExitsZero()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await DialogsCli.RunAsync(["dialogs", "validate", RepoPaths.Dialogs], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("valid", stdout.ToString(), StringComparison.Ordinal);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task Validate_BrokenFile_PrintsEachErrorAndExitsOne()
    {
        using var dialogs = new TempDialogs()
            .Edit("check-in.yaml", "    max: 5\n", "    max: 5\n    maximum: 6\n")
            .Edit("coping.yaml", "next: helped\n  - id: delay-distract", "next: helpd\n  - id: delay-distract");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await DialogsCli.RunAsync(["dialogs", "validate", dialogs.Folder], stdout, stderr);

        Assert.Equal(1, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("dialogs/check-in.yaml:", StringComparison.Ordinal) && l.Contains("steps[mood].maximum", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dialogs/coping.yaml:", StringComparison.Ordinal) && l.Contains("'helpd'", StringComparison.Ordinal));
        Assert.Contains("2 error(s)", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dialogs")]
    [InlineData("dialogs check")]
    [InlineData("dialogs validate a b")]
    public async Task Validate_WrongArguments_ExitsTwoWithUsage(string args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await DialogsCli.RunAsync(args.Split(' '), stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("usage", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsOne()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await DialogsCli.RunAsync(["dialogs", "validate", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))], stdout, stderr);

        Assert.Equal(1, code);
    }
}
