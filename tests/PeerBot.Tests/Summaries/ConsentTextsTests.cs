using Microsoft.Extensions.DependencyInjection;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class ConsentTextsTests
{
    [Fact]
    public void Parse_HeaderWithVersion_ReadsVersionAndBody()
    {
        var text = ConsentTexts.Parse("consent.en.md", "---\nversion: 7\nlanguage: en\n---\nWhat we keep.\n");
        Assert.Equal("7", text.Version);
        Assert.Equal("en", text.Language);
        Assert.Equal("What we keep.", text.Body);
    }

    [Theory]
    [InlineData("no header at all")]
    [InlineData("---\nlanguage: en\n---\nbody")]
    [InlineData("---\nversion: 1\nbody without end")]
    [InlineData("---\nversion: 1\n---\n   ")]
    public void Parse_Malformed_Throws(string content) =>
        Assert.Throws<InvalidDataException>(() => ConsentTexts.Parse("consent.en.md", content));

    [Fact]
    public async Task ShippedTexts_EnglishAndSpanish_AreVersionedAndPlainLanguage()
    {
        await using var app = new PeerBotApp();
        var texts = app.Services.GetRequiredService<ConsentTexts>();
        var en = texts.For("en-US");
        var es = texts.For("es-MX");
        Assert.Equal("en", en.Language);
        Assert.Equal("es", es.Language);
        Assert.False(string.IsNullOrWhiteSpace(en.Version));
        Assert.Equal(en.Version, es.Version);
        foreach (var needle in new[] { "Who sees it", "How long", "180 days", "delete my data" })
            Assert.Contains(needle, en.Body, StringComparison.Ordinal);
        Assert.Equal("en", texts.For("fr-FR").Language);
    }
}
