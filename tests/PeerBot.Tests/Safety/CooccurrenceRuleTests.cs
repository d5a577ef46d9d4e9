using PeerBot.Conversations;
using PeerBot.Safety;
using PeerBot.Safety.Lexicon;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>
/// Co-occurrence rules ('all' parts within a word window) on a small lexicon: any order, window and sentence bounds,
/// negation before the first part, exclusions over a part, explanation naming every part, and validation errors.
/// </summary>
public sealed class CooccurrenceRuleTests
{
    private const string Lexicon = """
        version: 1
        attribution: test
        classes:
          first_person: [i, me, my]
          third_person: [he, she]
          clause_break: [but]
          lang_es: [quiero]
          lang_en: [the]
          pill: [pills, meds]
        cues:
          negation: [not, "don't"]
        exclusions:
          - id: pill-organizer
            patterns: ["pill organizer"]
            examples: ["counting pills for my pill organizer"]
        rules:
          - id: co-means
            tier: crisis
            category: suicidal-ideation
            window: 6
            all:
              - ["<pill>"]
              - ["counting|counted|enough"]
            examples: ["counting my pills"]
          - id: co-farewell
            tier: crisis
            category: suicidal-ideation
            window: 20
            acrossSentences: true
            all:
              - ["goodbye"]
              - ["gave away"]
            examples: ["gave away my stuff. goodbye"]
          - id: co-score
            tier: high
            category: hopelessness
            atLeast: 2
            window: 10
            all:
              - ["hopeless"]
              - ["alone"]
              - ["broke"]
            examples: ["hopeless and alone"]
        """;

    private static DistressAssessment Scan(string text) =>
        new DistressDetector(LexiconLoader.Parse("test.yaml", Lexicon)).Scan(new ClientText(text));

    [Theory]
    [InlineData("counting my pills tonight")]
    [InlineData("my pills, I counted them")]
    [InlineData("i think the meds are enough")]
    public void Parts_InAnyOrderInsideWindow_Fire(string text)
    {
        var signal = Assert.Single(Scan(text).Signals);
        Assert.Equal("co-means", signal.RuleId);
        Assert.Equal(DistressTier.Crisis, signal.Tier);
    }

    [Theory]
    [InlineData("counting sheep all night long with no luck at all, then pills")]
    [InlineData("counting down the days. pills are ready")]
    [InlineData("pills")]
    public void Parts_OutsideWindowOrSentenceOrMissing_DoNotFire(string text) =>
        Assert.Equal(DistressTier.None, Scan(text).Tier);

    [Fact]
    public void AcrossSentences_PartsInDifferentSentences_Fire() =>
        Assert.Equal(DistressTier.Crisis, Scan("gave away my stuff today. thanks. goodbye").Tier);

    [Fact]
    public void NegationBeforeFirstPart_DropsTheRule() =>
        Assert.Equal(DistressTier.None, Scan("i'm not counting my pills").Tier);

    [Fact]
    public void NegationOnlyBeforeALaterPart_KeepsTheRule() =>
        Assert.Equal(DistressTier.Crisis, Scan("my pills, i'm not counting them").Tier);

    [Fact]
    public void ExclusionOverAPart_DropsTheRule() =>
        Assert.Equal(DistressTier.None, Scan("counting on my pill organizer").Tier);

    [Fact]
    public void Explanation_QuotesEveryPart()
    {
        var signal = Scan("counting my meds").Top!;
        Assert.Contains("rule 'co-means'", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("\"meds\" + \"counting\"", signal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void LongRepetitiveInput_StaysLinearAndFinds()
    {
        var text = string.Concat(Enumerable.Repeat("pills pills counting ", 5000));
        Assert.Equal(DistressTier.Crisis, Scan(text).Tier);
    }

    [Theory]
    [InlineData("hopeless and alone")]
    [InlineData("broke, alone")]
    [InlineData("broke and hopeless")]
    public void AtLeast_AnyTwoOfThreeParts_Fire(string text) =>
        Assert.Equal("co-score", Assert.Single(Scan(text).Signals).RuleId);

    [Fact]
    public void AtLeast_OnePartOnly_DoesNotFire() => Assert.Equal(DistressTier.None, Scan("feeling hopeless").Tier);

    [Fact]
    public void AtLeast_ExplanationNamesOnlyCountedParts()
    {
        var explanation = Scan("hopeless and alone").Top!.Explanation;
        Assert.Contains("\"hopeless\" + \"alone\"", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("broke", explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    atLeast: 2\n", "    atLeast: 7\n", "atLeast")]
    [InlineData("    window: 6\n", "    window: 99\n", "window")]
    [InlineData("      - [\"counting|counted|enough\"]\n", "", "2 to 6 parts")]
    [InlineData("    acrossSentences: true\n", "    acrossSentences: maybe\n", "acrossSentences")]
    public void InvalidCooccurrence_IsReported(string from, string to, string message)
    {
        var yaml = Lexicon.Replace(from, to, StringComparison.Ordinal);
        var errors = Assert.Throws<LexiconException>(() => LexiconLoader.Parse("test.yaml", yaml)).Errors;
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
