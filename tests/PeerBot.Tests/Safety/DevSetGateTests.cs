using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>The release gate of issue 4 on ../shared/evaldata/dev.tsv.</summary>
public sealed class DevSetGateTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    private SafetyEvaluation Evaluate()
    {
        var rows = EvaluationFile.Read(SafetyTestPaths.DevSet, out var error);
        Assert.True(rows is not null, error);
        return SafetyEvaluation.Run(fixture.Detector, rows!);
    }

    [Fact]
    public void DevSet_Crisis_AtOrAboveRecallIsOne()
    {
        var evaluation = Evaluate();
        Assert.True(evaluation.AtOrAboveRecall(DistressTier.Crisis) == 1.0,
            "missed crisis rows: " + string.Join(" | ", evaluation.Results
                .Where(r => r.Row.Gold == DistressTier.Crisis && r.Predicted < DistressTier.Crisis)
                .Select(r => $"line {r.Row.Line}")));
        Assert.Empty(evaluation.CriticalMisses);
    }

    [Fact]
    public void DevSet_High_AtOrAboveRecallAtLeast90Percent() =>
        Assert.InRange(Evaluate().AtOrAboveRecall(DistressTier.High), 0.90, 1.0);

    [Fact]
    public void DevSet_Moderate_AtOrAboveRecallAtLeast80Percent() =>
        Assert.InRange(Evaluate().AtOrAboveRecall(DistressTier.Moderate), 0.80, 1.0);

    [Fact]
    public void DevSet_None_FalsePositiveRateAtMost10Percent() =>
        Assert.InRange(Evaluate().NoneFalsePositiveRate, 0.0, 0.10);

    [Fact]
    public void SmsCorpus_HamMessages_CrisisFlagsBelowHalfPercent()
    {
        var ham = File.ReadLines(SafetyTestPaths.SmsCorpus).Skip(1)
            .Select(l => l.Split('\t', 2))
            .Where(f => f.Length == 2 && f[0] == "ham")
            .Select(f => f[1])
            .ToList();
        var crisis = ham.Count(t => fixture.Scan(t).Tier == DistressTier.Crisis);
        Assert.True(ham.Count > 4000);
        Assert.InRange((double)crisis / ham.Count, 0.0, 0.005);
    }
}

/// <summary>
/// 1001 sentences written for PeerBot's tests (not from dev.tsv or any blind batch), covering every tier; they guard phrasings that
/// were missed once. No tier may fall below its gold tier and no ordinary message may be flagged.
/// </summary>
public sealed class OwnPhrasingsTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    [Fact]
    public void OwnPhrasings_EveryRowAtOrAboveGold_NoFalseAlarms()
    {
        var path = Path.Combine(SafetyTestPaths.RepoRoot, "tests", "PeerBot.Tests", "Safety", "OwnPhrasings.tsv");
        var rows = EvaluationFile.Read(path, out var error);
        Assert.True(rows is not null, error);
        var evaluation = SafetyEvaluation.Run(fixture.Detector, rows!);

        var wrong = evaluation.Results
            .Where(r => r.Row.Gold == DistressTier.None ? r.Predicted != DistressTier.None : r.Predicted < r.Row.Gold)
            .Select(r => $"line {r.Row.Line}: {r.Row.Text} -> {r.Predicted}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
