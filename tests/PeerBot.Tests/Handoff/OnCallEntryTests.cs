using PeerBot.Handoff;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class OnCallEntryTests
{
    [Theory]
    [InlineData(null, null, "03:00", true)]
    [InlineData("08:00", "20:00", "08:00", true)]
    [InlineData("08:00", "20:00", "19:59", true)]
    [InlineData("08:00", "20:00", "20:00", false)]
    [InlineData("08:00", "20:00", "07:59", false)]
    [InlineData("20:00", "08:00", "23:30", true)]
    [InlineData("20:00", "08:00", "02:00", true)]
    [InlineData("20:00", "08:00", "12:00", false)]
    public void IsOnDutyAt_DailyWindow_WrapsPastMidnight(string? from, string? to, string at, bool expected)
    {
        var entry = new OnCallEntry
        {
            Phone = "+15550002222",
            From = from is null ? null : TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.True(entry.IsValid);
        Assert.Equal(expected, entry.IsOnDutyAt(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
