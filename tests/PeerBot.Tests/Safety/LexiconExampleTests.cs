using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>Every rule's own examples fire that rule; every exclusion's examples raise no crisis.</summary>
public sealed class LexiconExampleTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    public static TheoryData<string> RuleIds() =>
        new(DistressDetector.FromFile(SafetyTestPaths.Lexicon).Lexicon.Rules.Select(r => r.Id));

    public static TheoryData<string> ExclusionIds() =>
        new(DistressDetector.FromFile(SafetyTestPaths.Lexicon).Lexicon.Exclusions.Select(e => e.Id));

    [Theory, MemberData(nameof(RuleIds))]
    public void Rule_EachExample_FiresTheRule(string ruleId)
    {
        var rule = fixture.Detector.Lexicon.Rules.Single(r => r.Id == ruleId);
        Assert.NotEmpty(rule.Examples);
        foreach (var example in rule.Examples)
        {
            var assessment = fixture.Scan(example);
            Assert.True(assessment.Signals.Any(s => s.RuleId == ruleId),
                $"rule {ruleId} did not fire on its example \"{example}\"");
        }
    }

    [Theory, MemberData(nameof(ExclusionIds))]
    public void Exclusion_EachExample_RaisesNoCrisis(string exclusionId)
    {
        var exclusion = fixture.Detector.Lexicon.Exclusions.Single(e => e.Id == exclusionId);
        foreach (var example in exclusion.Examples)
            Assert.True(fixture.Scan(example).Tier < DistressTier.Crisis, $"exclusion {exclusionId}: \"{example}\"");
    }

    [Fact]
    public void Signal_Explanation_NamesRuleAndQuotesWords()
    {
        var signal = fixture.Scan("honestly I want to die tonight").Top!;
        Assert.Equal(DistressTier.Crisis, signal.Tier);
        Assert.Equal("suicidal-ideation", signal.Category);
        Assert.Contains("rule 'si-passive'", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("\"want to die\"", signal.Explanation, StringComparison.Ordinal);
    }
}
