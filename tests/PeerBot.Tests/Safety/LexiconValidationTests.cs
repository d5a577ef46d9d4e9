using PeerBot.Safety;
using PeerBot.Safety.Lexicon;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>Invalid lexicon or text files stop start-up with file, line and path in every error.</summary>
public sealed class LexiconValidationTests
{
    private const string Minimal = """
        version: 1
        attribution: test
        classes:
          first_person: [i]
          third_person: [he]
          clause_break: [but]
          lang_es: [quiero]
          lang_en: [the]
        cues:
          negation: [not]
        rules:
          - id: test-rule
            tier: crisis
            category: test
            patterns: ["want to die"]
            examples: ["i want to die"]
        """;

    private static LexiconException Invalid(string yaml) =>
        Assert.Throws<LexiconException>(() => LexiconLoader.Parse("test.yaml", yaml));

    [Fact]
    public void Minimal_Loads()
    {
        var detector = new DistressDetector(LexiconLoader.Parse("test.yaml", Minimal));
        Assert.Equal(DistressTier.Crisis, detector.Scan(new PeerBot.Conversations.ClientText("I want to die")).Tier);
    }

    [Fact]
    public void Contraction_InAPattern_AlsoMatchesItsSpelledOutForms()
    {
        var yaml = Minimal.Replace("patterns: [\"want to die\"]", "patterns: [\"dont want to live\"]", StringComparison.Ordinal)
            .Replace("examples: [\"i want to die\"]", "examples: [\"i dont want to live\"]", StringComparison.Ordinal)
            .Replace("rules:", "contractions:\n  dont: do not|dnt\nrules:", StringComparison.Ordinal);
        var detector = new DistressDetector(LexiconLoader.Parse("test.yaml", yaml));

        foreach (var text in new[] { "I don't want to live", "I do not want to live", "i dnt want to live" })
            Assert.Equal(DistressTier.Crisis, detector.Scan(new PeerBot.Conversations.ClientText(text)).Tier);
        Assert.Equal(DistressTier.None, detector.Scan(new PeerBot.Conversations.ClientText("I do want to live")).Tier);
    }

    [Fact]
    public void Contraction_OfTwoWords_IsAnError()
    {
        var yaml = Minimal.Replace("rules:", "contractions:\n  do not: dont\nrules:", StringComparison.Ordinal);
        var exception = Invalid(yaml);
        Assert.Contains(exception.Errors, e => e.Contains("contractions.do not", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownKey_NamesFileLineAndPath()
    {
        var error = Assert.Single(Invalid(Minimal.Replace("    category: test", "    category: test\n    severity: 3", StringComparison.Ordinal)).Errors);
        Assert.StartsWith("test.yaml:15: rules[0]:", error, StringComparison.Ordinal);
        Assert.Contains("unknown key 'severity'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"<nosuchclass> die\"", "unknown class <nosuchclass>")]
    [InlineData("\"... die\"", "must start and end with a word")]
    [InlineData("\"want ...\"", "must start and end with a word")]
    [InlineData("\"want ... ... die\"", "two gaps in a row")]
    [InlineData("\"!!!\"", "is not a word")]
    public void BadPattern_IsReportedWithRulePath(string pattern, string message)
    {
        var errors = Invalid(Minimal.Replace("\"want to die\"", pattern, StringComparison.Ordinal)).Errors;
        Assert.Contains(errors, e => e.Contains("rules[test-rule].patterns", StringComparison.Ordinal)
            && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void MissingExamples_IsAnError() =>
        Assert.Contains(Invalid(Minimal.Replace("    examples: [\"i want to die\"]", "", StringComparison.Ordinal)).Errors,
            e => e.Contains("missing 'examples'", StringComparison.Ordinal));

    [Fact]
    public void BadTier_IsAnError() =>
        Assert.Contains(Invalid(Minimal.Replace("tier: crisis", "tier: urgent", StringComparison.Ordinal)).Errors,
            e => e.Contains("rules[test-rule].tier", StringComparison.Ordinal));

    [Fact]
    public void MissingRequiredClass_IsAnError() =>
        Assert.Contains(Invalid(Minimal.Replace("  lang_en: [the]\n", "", StringComparison.Ordinal)).Errors,
            e => e.Contains("missing required class 'lang_en'", StringComparison.Ordinal));

    [Fact]
    public void YamlSyntaxError_NamesLine() =>
        Assert.StartsWith("test.yaml:", Assert.Single(Invalid("rules: [unclosed").Errors), StringComparison.Ordinal);

    [Fact]
    public void MissingFile_IsAnError() =>
        Assert.Throws<LexiconException>(() => LexiconLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-lexicon.yaml")));

    [Fact]
    public void Texts_MissingLocaleOrKey_AreErrors()
    {
        var exception = Assert.Throws<LexiconException>(() => SafetyTexts.Parse("texts.yaml", """
            locales:
              en:
                crisis: a
                overdose: b
                reminder: c
            """));
        Assert.Contains(exception.Errors, e => e.Contains("locales.en", StringComparison.Ordinal) && e.Contains("'high'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Contains("missing locale 'es'", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedFiles_LoadWithoutErrors()
    {
        var lexicon = LexiconLoader.Load(SafetyTestPaths.Lexicon);
        var texts = SafetyTexts.Load(SafetyTestPaths.Texts);
        Assert.NotEmpty(lexicon.Rules);
        Assert.Contains("988", texts.Get("crisis", spanish: false), StringComparison.Ordinal);
        Assert.DoesNotContain("press 3", texts.Get("crisis", spanish: false), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("marca 3", texts.Get("crisis", spanish: true), StringComparison.OrdinalIgnoreCase);
    }
}
