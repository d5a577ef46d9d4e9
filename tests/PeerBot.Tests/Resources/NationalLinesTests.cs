using System.Text.RegularExpressions;
using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

public sealed class NationalLinesTests
{
    private static NationalLines Shipped() => NationalLines.Load(Path.Combine(ResourcePaths.ShippedFolder, NationalLines.FileName));

    [Fact]
    public void ShippedFile_Loads_AndCoversTheCategoriesTheFixtureHasLinesFor()
    {
        var lines = Shipped();

        foreach (var category in new[] { "crisis", "treatment", "meetings", "harm-reduction" })
        {
            Assert.NotEmpty(lines.For(category, "en"));
            Assert.Equal(lines.For(category, "en").Count, lines.For(category, "es").Count);
        }
        // The fixture has no national housing, food, legal or transportation lines; none are invented.
        foreach (var category in new[] { "housing", "food", "legal", "transportation" })
            Assert.Empty(lines.For(category, "en"));
    }

    [Fact]
    public void ShippedFile_EveryNumberAndUrl_AppearsInTheFixture()
    {
        var fixture = File.ReadAllText(ResourcePaths.UsDefaults);
        var digitsInFixture = Regex.Replace(fixture, "[^0-9]", "");

        foreach (var line in Shipped().Lines)
        {
            foreach (var number in new[] { line.Phone, line.Sms }.OfType<string>())
                Assert.Contains(Regex.Replace(number, "[^0-9]", ""), digitsInFixture, StringComparison.Ordinal);
            if (line.Url is not null)
                Assert.Contains(line.Url.Replace("https://", "", StringComparison.Ordinal).TrimEnd('/'), fixture, StringComparison.OrdinalIgnoreCase);
            Assert.True(line.Verified is "P" or "S", $"{line.Id}: verification level must be P or S");
        }
    }

    [Fact]
    public void ShippedFile_KeyFacts_MatchTheFixture()
    {
        var lines = Shipped().Lines.ToDictionary(l => l.Id);

        Assert.Equal(("988", "988"), (lines["lifeline-988"].Phone, lines["lifeline-988"].Sms));
        Assert.Contains("press 1 for the Veterans Crisis Line", lines["lifeline-988"].Description.En, StringComparison.Ordinal);
        Assert.Contains("2 for Spanish", lines["lifeline-988"].Description.En, StringComparison.Ordinal);
        Assert.Contains("Dial 988 then press 1", lines["veterans-crisis-line"].Description.En, StringComparison.Ordinal);
        Assert.Equal("838255", lines["veterans-crisis-line"].Sms);
        Assert.Contains("Text HOME to 741741", lines["crisis-text-line"].Description.En, StringComparison.Ordinal);
        Assert.Equal("1-800-662-4357", lines["samhsa-helpline"].Phone);
        Assert.Contains("TTY 1-800-487-4889", lines["samhsa-helpline"].Description.En, StringComparison.Ordinal);
        Assert.Null(lines["trevor-lifeline"].Sms);   // the text option is unverified in the fixture
    }

    [Fact]
    public void ShippedFile_NeverMentionsTheRetiredPress3OrPride()
    {
        var text = File.ReadAllText(Path.Combine(ResourcePaths.ShippedFolder, NationalLines.FileName));
        var withoutComments = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));

        Assert.DoesNotMatch(new Regex("(press|marque|pulse)\\s*3|PRIDE", RegexOptions.IgnoreCase), withoutComments);
    }

    [Fact]
    public void Load_RetiredOption_IsRejected()
    {
        var path = Write("""
            lines:
              - id: x
                categories: [crisis]
                name: { en: "988", es: "988" }
                description: { en: "Call 988 and press 3 for LGBTQ+ youth", es: "Llame al 988" }
                phone: "988"
            """);

        var ex = Assert.Throws<InvalidDataException>(() => NationalLines.Load(path));
        Assert.Contains("press 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_NamesTheLine()
    {
        var path = Write("""
            lines:
              - id: x
                categories: [crisis]
                telephone: "988"
            """);

        var ex = Assert.Throws<InvalidDataException>(() => NationalLines.Load(path));
        Assert.StartsWith($"{path}:4:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSpanishAndUnknownCategory_AreReported()
    {
        var path = Write("""
            lines:
              - id: x
                categories: [astrology]
                name: { en: "A" }
                description: { en: "B", es: "C" }
                url: "https://example.org"
            """);

        var ex = Assert.Throws<InvalidDataException>(() => NationalLines.Load(path));
        Assert.Contains("lines[0] (x).categories", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lines[0] (x).name: needs en and es text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryMap_ShippedFile_LoadsAndUnknownCategoryIsRejected()
    {
        CategoryMap.Load(Path.Combine(ResourcePaths.ShippedFolder, CategoryMap.FileName));
        var path = Write("""
            categories:
              astrology:
                keywords: [stars]
            """);

        var ex = Assert.Throws<InvalidDataException>(() => CategoryMap.Load(path));
        Assert.Contains("categories.astrology: unknown category", ex.Message, StringComparison.Ordinal);
    }

    private static string Write(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"peerbot-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
