using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>
/// Regression gates on ten batches of sentences written for PeerBot (none copied from dev.tsv or OwnPhrasings.tsv),
/// labelled per DISTRESS.md §7. Batch A was written first and tuned on; B to F were each measured once untuned
/// (the held-out estimates in the commit history) and then used for further rules. G, H, I and J were written blind
/// by someone who never saw the lexicon and scored before any change (figures beside them); G, H and I were then
/// used to find missing phenomena. J was kept out of tuning and scored once at the end: its gate is the held-out
/// level it reached, not a tuned one. Each gate sits at the level the detector reaches, so any rule or lexicon
/// change that loses a row fails here.
/// </summary>
public sealed class FreshBatchGateTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    [Theory]
    [InlineData("FreshBatchA.tsv", 1.00, 1.00, 1.00, 0.05)]
    [InlineData("FreshBatchB.tsv", 1.00, 0.91, 0.91, 0.07)]
    [InlineData("FreshBatchC.tsv", 1.00, 1.00, 1.00, 0.07)]
    [InlineData("FreshBatchD.tsv", 0.96, 1.00, 1.00, 0.06)]
    [InlineData("FreshBatchE.tsv", 1.00, 1.00, 1.00, 0.00)]
    [InlineData("FreshBatchF.tsv", 1.00, 0.00, 1.00, 0.00)] // no high rows
    [InlineData("FreshBatchG.tsv", 1.00, 1.00, 0.97, 0.00)] // blind batch: 0.78 / 0.63 / 0.57 / 0.05 before tuning
    [InlineData("FreshBatchH.tsv", 1.00, 1.00, 1.00, 0.03)] // blind batch: 0.35 / 0.57 / 0.63 / 0.08 before tuning
    [InlineData("FreshBatchI.tsv", 1.00, 1.00, 1.00, 0.00)] // blind batch: 0.69 / 0.69 / 0.67 / 0.03 before tuning
    [InlineData("FreshBatchJ.tsv", 0.68, 0.62, 0.70, 0.03)] // held out: 0.56 / 0.51 / 0.57 / 0.03 before, 0.67 / 0.57 / 0.63 after I, 0.69 / 0.63 / 0.70 with contractions (its sentences never tuned on)
    [InlineData("FreshBatchK.tsv", 0.71, 0.77, 0.80, 0.05)] // blind, formal/rambling/voice-to-text register, scored once and never tuned on
    public void FreshBatch_AtOrAboveRecallAndFalseAlarms_StayAtReachedLevels(
        string file, double crisisMin, double highMin, double moderateMin, double noneFprMax)
    {
        var path = Path.Combine(SafetyTestPaths.RepoRoot, "tests", "PeerBot.Tests", "Safety", file);
        var rows = EvaluationFile.Read(path, out var error);
        Assert.True(rows is not null, error);
        var evaluation = SafetyEvaluation.Run(fixture.Detector, rows!);

        var missed = string.Join(" | ", evaluation.Results
            .Where(r => r.Row.Gold > DistressTier.None && r.Predicted < r.Row.Gold)
            .Select(r => $"line {r.Row.Line}"));
        Assert.True(evaluation.AtOrAboveRecall(DistressTier.Crisis) >= crisisMin, "crisis below gate: " + missed);
        Assert.True(evaluation.AtOrAboveRecall(DistressTier.High) >= highMin, "high below gate: " + missed);
        Assert.True(evaluation.AtOrAboveRecall(DistressTier.Moderate) >= moderateMin, "moderate below gate: " + missed);
        Assert.InRange(evaluation.NoneFalsePositiveRate, 0.0, noneFprMax);
    }

    [Fact]
    public void SmsCorpus_HamMessages_AnyFlagRateAtMostMeasuredLevel()
    {
        var ham = File.ReadLines(SafetyTestPaths.SmsCorpus).Skip(1)
            .Select(l => l.Split('\t', 2))
            .Where(f => f.Length == 2 && f[0] == "ham")
            .Select(f => f[1])
            .ToList();
        var flagged = ham.Count(t => fixture.Scan(t).Tier != DistressTier.None);
        Assert.True(ham.Count > 4000);
        Assert.InRange((double)flagged / ham.Count, 0.0, 0.020);
    }
}
