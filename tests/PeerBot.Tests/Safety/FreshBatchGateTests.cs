using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>
/// Regression gates on the batches of sentences written for PeerBot (none copied from dev.tsv or OwnPhrasings.tsv),
/// labelled per DISTRESS.md §7. Batch A was written first and tuned on; B to F were each measured once untuned
/// (the held-out estimates in the commit history) and then used for further rules. G, H, I and J were written blind
/// by someone who never saw the lexicon and scored before any change (figures beside them); G, H and I were then
/// used to find missing phenomena. J was first kept out of tuning and scored once (held out); its known misses were
/// generalized later together with L's, so its gate is now a tuned one. L and M were written blind while the lexicon stood at 0.73 / 0.77 / 0.83 / 0.13 (L)
/// and 0.58 / 0.74 / 0.83 / 0.15 (M); rules were then generalized from L's misses (and J's known misses) by phenomenon,
/// and M was scored once at the end without being looked at: its gate is that held-out level. J's and K's gates rose
/// with the same rules (K was never read). N and O were written blind by someone who never saw the lexicon and both
/// were scored before any change (N 0.80 / 0.83 / 0.83 / 0.03, O 0.67 / 0.66 / 0.70 / 0.00); rules were then generalized
/// by phenomenon from N's misses and M's known misses, and O was scored once at the end without being read: its gate
/// is that held-out level. Each gate sits at the level the detector reaches, so any rule or lexicon change that loses a
/// row fails here.
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
    [InlineData("FreshBatchJ.tsv", 1.00, 0.97, 0.70, 0.03)] // held out: 0.56 / 0.51 / 0.57 / 0.03 before, 0.69 / 0.63 / 0.70 with contractions; its known misses then generalized by phenomenon
    [InlineData("FreshBatchK.tsv", 0.77, 0.85, 0.80, 0.05)] // blind, formal/rambling/voice-to-text register, never read: 0.71 / 0.77 / 0.80 / 0.05 before the J/L phenomena
    [InlineData("FreshBatchL.tsv", 1.00, 1.00, 1.00, 0.00)] // blind: 0.73 / 0.77 / 0.83 / 0.13 before tuning on its misses
    [InlineData("FreshBatchM.tsv", 0.82, 0.85, 0.86, 0.15)] // held out: 0.58 / 0.74 / 0.83 / 0.15 before, 0.64 when scored once; its known misses then generalized by phenomenon
    [InlineData("FreshBatchN.tsv", 1.00, 1.00, 1.00, 0.03)] // blind: 0.80 / 0.83 / 0.83 / 0.03 before tuning on its misses
    [InlineData("FreshBatchO.tsv", 0.73, 0.68, 0.70, 0.00)] // held out: 0.67 / 0.66 / 0.70 / 0.00 before, scored once after (never read or tuned on)
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
