using PeerBot.Summaries;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("call me at 555-123-4567 tonight", "call me at [phone] tonight")]
    [InlineData("my cell is (555) 123-4567", "my cell is [phone]")]
    [InlineData("text +1 555 123 4567 please", "text [phone] please")]
    [InlineData("number 555.123.4567", "number [phone]")]
    [InlineData("international +44 20 7946 0958 ok", "international [phone] ok")]
    [InlineData("mail jane.doe+x@example.org now", "mail [email] now")]
    [InlineData("see https://example.com/a?b=c and www.test.org/x", "see [url] and [url]")]
    [InlineData("my page is mysite.com/me", "my page is [url]")]
    [InlineData("ssn 123-45-6789", "ssn [ssn]")]
    [InlineData("ssn 123 45 6789", "ssn [ssn]")]
    [InlineData("born 04/12/1987", "born [date]")]
    [InlineData("born 1987-04-12", "born [date]")]
    [InlineData("born April 12, 1987", "born [date]")]
    [InlineData("born 12th of April 1987", "born [date]")]
    [InlineData("nací el 12 de abril de 1987", "nací el [date]")]
    [InlineData("I live at 42 Maple Street, Apt 3B", "I live at [address]")]
    [InlineData("meet at 1600 Pennsylvania Ave", "meet at [address]")]
    [InlineData("vivo en Calle Mayor 15", "vivo en [address]")]
    public void Redact_KnownShapes_AreMasked(string input, string expected) =>
        Assert.Equal(expected, PiiRedactor.Redact(input).Text);

    [Theory]
    [InlineData("mood 7 out of 10, craving 3")]
    [InlineData("I walked for 20 minutes and it helped")]
    [InlineData("breathing 4-7-8 worked")]
    [InlineData("it was 2 days ago")]
    [InlineData("I have 3 kids")]
    public void Redact_OrdinaryText_IsUnchanged(string input)
    {
        var result = PiiRedactor.Redact(input);
        Assert.Equal(input, result.Text);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public void Redact_Several_CountsEach()
    {
        var result = PiiRedactor.Redact("a@b.com, 555-123-4567, 123-45-6789");
        Assert.Equal("[email], [phone], [ssn]", result.Text);
        Assert.Equal(3, result.Count);
    }
}
