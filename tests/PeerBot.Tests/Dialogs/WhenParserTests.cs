using PeerBot.Dialogs.Running;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class WhenParserTests
{
    [Theory]
    [InlineData("9am", "09:00")]
    [InlineData("9 AM", "09:00")]
    [InlineData("9 pm", "21:00")]
    [InlineData("9 p.m.", "21:00")]
    [InlineData("9:30pm", "21:30")]
    [InlineData("9.30 pm", "21:30")]
    [InlineData("21:30", "21:30")]
    [InlineData("21h30", "21:30")]
    [InlineData("12 am", "00:00")]
    [InlineData("12pm", "12:00")]
    [InlineData("noon", "12:00")]
    [InlineData("at 7", "07:00")]
    [InlineData("10 de la noche", "22:00")]
    [InlineData("a las 8 de la mañana", "08:00")]
    [InlineData("mediodía", "12:00")]
    public void Time_WaysPeopleWriteIt_Parsed(string text, string expected) =>
        Assert.Equal(expected, WhenParser.Time(text)!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("25:00")]
    [InlineData("13pm")]
    [InlineData("9:75")]
    [InlineData("later")]
    [InlineData("at noon-ish")]
    public void Time_NotATime_Null(string text) => Assert.Null(WhenParser.Time(text));

    [Theory]
    [InlineData("today", "en", "2026-12-01")]
    [InlineData("tomorrow", "en", "2026-12-02")]
    [InlineData("mañana", "es", "2026-12-02")]
    [InlineData("12/24", "en", "2026-12-24")]
    [InlineData("24/12", "es", "2026-12-24")]
    [InlineData("1/5", "en", "2027-01-05")]
    [InlineData("2027-03-01", "en", "2027-03-01")]
    [InlineData("3/1/27", "en", "2027-03-01")]
    public void Date_WaysPeopleWriteIt_FromToday(string text, string locale, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WhenParser.Date(text, locale, new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("2026-11-30")]
    [InlineData("11/30/2026")]
    [InlineData("2028-01-01")]
    [InlineData("24/12")]
    [InlineData("2/30")]
    [InlineData("someday")]
    public void Date_PastFarOrInvalid_Null(string text) => Assert.Null(WhenParser.Date(text, "en", new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("America/Chicago", "America/Chicago")]
    [InlineData("america/puerto_rico", "America/Puerto_Rico")]
    [InlineData(" Europe/Madrid ", "Europe/Madrid")]
    public void Zone_IanaNameAnyCase_Found(string text, string expected) => Assert.Equal(expected, WhenParser.Zone(text)?.Id);

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("central")]
    [InlineData("")]
    public void Zone_Unknown_Null(string text) => Assert.Null(WhenParser.Zone(text));
}
