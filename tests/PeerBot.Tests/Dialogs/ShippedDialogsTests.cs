using PeerBot.Dialogs.Loading;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class ShippedDialogsTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(RepoPaths.Dialogs, "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Files))]
    public void ShippedDialog_Loads_WithoutErrors(string file)
    {
        var result = DialogLoader.Load(Path.Combine(RepoPaths.Dialogs, file));

        Assert.True(result.IsValid, result.Describe());
    }

    /// <summary>
    /// Each shipped file has a transcript named after it (<c>coping.sms.txt</c>, <c>global-commands.webchat.txt</c>),
    /// played through the real HTTP pipeline by <see cref="TranscriptTests"/>. A new file without one fails here.
    /// </summary>
    [Theory, MemberData(nameof(Files))]
    public void ShippedDialog_HasATranscript(string file)
    {
        var id = Path.GetFileNameWithoutExtension(file);

        var transcripts = Directory.GetFiles(RepoPaths.Transcripts, "*.txt").Select(Path.GetFileName)
            .Where(t => t!.StartsWith(id + ".", StringComparison.Ordinal) || t.StartsWith(id + "-", StringComparison.Ordinal))
            .ToList();

        Assert.True(transcripts.Count > 0,
            $"dialogs/{file} has no transcript: add Transcripts/{id}.<channel>.txt (see dialogs/README.md, Testing)");
        Assert.All(transcripts, t => Assert.NotEmpty(Transcript.Parse(Path.Combine(RepoPaths.Transcripts, t!)).Turns));
    }

    [Fact]
    public void ShippedFolder_LoadsAsOneCatalog_WithEveryRoleFilled()
    {
        var result = DialogLoader.Load(RepoPaths.Dialogs);

        Assert.True(result.IsValid, result.Describe());
        var catalog = result.Catalog!;
        foreach (var role in new[] { catalog.Global.Main, catalog.Global.Welcome, catalog.Global.Help,
                     catalog.Global.PeerOffer, catalog.Global.Plan, catalog.Global.Goals, "check-in", "coping", "resources" })
            Assert.NotNull(catalog.Find(role));
    }

    [Fact]
    public void ShippedCoping_OffersAtLeastTwelveStrategies()
    {
        var coping = DialogLoader.Load(RepoPaths.Dialogs).Catalog!.Find("coping")!;

        var strategies = coping.Steps.OfType<PeerBot.Dialogs.Definitions.ChoiceStep>()
            .Where(s => s.Save == "strategy").SelectMany(s => s.Options).Select(o => o.Value).Distinct().ToList();

        Assert.True(strategies.Count >= 12, $"only {strategies.Count} strategies");
        Assert.All(strategies, s => Assert.NotNull(coping.Find(s)));
    }
}
