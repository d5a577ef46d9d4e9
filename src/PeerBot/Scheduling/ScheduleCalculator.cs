namespace PeerBot.Scheduling;

/// <summary>
/// Local-time arithmetic for schedules: the next run of a daily, weekday or one-off schedule in an IANA zone
/// (a time skipped by a DST jump moves forward by the jump; a repeated time takes its first instant), and quiet hours.
/// </summary>
public static class ScheduleCalculator
{
    public const int MinutesPerDay = 24 * 60;

    public static DateTimeOffset? NextRun(int localMinutes, int daysMask, DateOnly? onceOn, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        if (onceOn is { } once)
        {
            var at = ToInstant(once, localMinutes, zone);
            return at > after ? at : null;
        }
        for (var day = today.AddDays(-1); day <= today.AddDays(8); day = day.AddDays(1))
        {
            if (daysMask != 0 && (daysMask & (1 << (int)day.DayOfWeek)) == 0)
                continue;
            var at = ToInstant(day, localMinutes, zone);
            if (at > after)
                return at;
        }
        return null;
    }

    /// <summary>The UTC instant of a local date and time in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, int localMinutes, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(new TimeOnly(localMinutes / 60, localMinutes % 60), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        // Always UTC: SQLite stores DateTimeOffset as local ticks plus offset, so only same-offset values compare.
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static bool IsQuiet(int localMinutes, int quietStart, int quietEnd) =>
        quietStart != quietEnd && (quietStart < quietEnd
            ? localMinutes >= quietStart && localMinutes < quietEnd
            : localMinutes >= quietStart || localMinutes < quietEnd);

    /// <summary>When <paramref name="now"/> falls in quiet hours, the instant they end; otherwise null.</summary>
    public static DateTimeOffset? QuietUntil(DateTimeOffset now, TimeZoneInfo zone, int quietStart, int quietEnd)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minutes = local.Hour * 60 + local.Minute;
        if (!IsQuiet(minutes, quietStart, quietEnd))
            return null;
        var date = DateOnly.FromDateTime(local.DateTime);
        var end = ToInstant(date, quietEnd, zone);
        return end > now ? end : ToInstant(date.AddDays(1), quietEnd, zone);
    }

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
            return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    public static int DaysMask(IEnumerable<DayOfWeek> days) =>
        days.Aggregate(0, (mask, day) => mask | (1 << (int)day));
}
