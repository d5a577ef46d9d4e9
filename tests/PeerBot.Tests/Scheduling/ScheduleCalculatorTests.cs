using PeerBot.Scheduling;
using Xunit;

namespace PeerBot.Tests.Scheduling;

public sealed class ScheduleCalculatorTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void NextRun_Daily_SameDayWhenLaterElseTomorrow()
    {
        var after = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York

        var later = ScheduleCalculator.NextRun(11 * 60, 0, null, NewYork, after);
        var earlier = ScheduleCalculator.NextRun(9 * 60, 0, null, NewYork, after);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), later);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero), earlier);
    }

    [Fact]
    public void NextRun_Weekly_OnlyChosenDays()
    {
        var after = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero); // a Tuesday
        var mask = ScheduleCalculator.DaysMask([DayOfWeek.Monday, DayOfWeek.Friday]);

        var next = ScheduleCalculator.NextRun(9 * 60, mask, null, NewYork, after)!.Value;

        Assert.Equal(DayOfWeek.Friday, TimeZoneInfo.ConvertTime(next, NewYork).DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 14, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextRun_AcrossSpringForward_KeepsLocalTimeAndMovesSkippedTime()
    {
        var before = new DateTimeOffset(2027, 3, 13, 20, 0, 0, TimeSpan.Zero); // DST starts 2027-03-14 02:00 local

        var nine = ScheduleCalculator.NextRun(9 * 60, 0, null, NewYork, before)!.Value;
        var skipped = ScheduleCalculator.NextRun(2 * 60 + 30, 0, null, NewYork, before)!.Value;

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 13, 0, 0, TimeSpan.Zero), nine); // 09:00 EDT
        Assert.Equal(3, TimeZoneInfo.ConvertTime(skipped, NewYork).Hour);
    }

    [Fact]
    public void NextRun_OneOffInPast_Null()
    {
        var after = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        Assert.Null(ScheduleCalculator.NextRun(9 * 60, 0, new DateOnly(2026, 12, 1), NewYork, after));
        Assert.NotNull(ScheduleCalculator.NextRun(9 * 60, 0, new DateOnly(2026, 12, 2), NewYork, after));
    }

    [Theory]
    [InlineData(21 * 60, true)]
    [InlineData(23 * 60 + 59, true)]
    [InlineData(0, true)]
    [InlineData(7 * 60 + 59, true)]
    [InlineData(8 * 60, false)]
    [InlineData(20 * 60 + 59, false)]
    public void IsQuiet_WrapsMidnight(int minutes, bool quiet)
    {
        Assert.Equal(quiet, ScheduleCalculator.IsQuiet(minutes, 21 * 60, 8 * 60));
    }

    [Fact]
    public void QuietUntil_LateEvening_NextMorningAtEnd()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 2, 3, 30, 0, TimeSpan.Zero); // 22:30 in New York

        var until = ScheduleCalculator.QuietUntil(lateEvening, NewYork, 21 * 60, 8 * 60);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero), until);
        Assert.Null(ScheduleCalculator.QuietUntil(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), NewYork, 21 * 60, 8 * 60));
    }
}
