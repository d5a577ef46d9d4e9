using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Reads times, dates and time zones the way people type them: "9am", "9 pm", "21:30", "9.30 p.m.", "noon",
/// "9 de la noche"; "tomorrow", "12/24", "24/12" (Spanish: day first), "2026-12-24"; "America/Chicago".
/// </summary>
public static partial class WhenParser
{
    public static TimeOnly? Time(string text)
    {
        var t = AnswerMatcher.Normalize(text)
            .Replace("a.m", "am", StringComparison.Ordinal).Replace("p.m", "pm", StringComparison.Ordinal);
        if (t.Length is 0 or > 30)
            return null;
        switch (t)
        {
            case "noon" or "midday" or "mediodia" or "12 del mediodia":
                return new TimeOnly(12, 0);
            case "midnight" or "medianoche":
                return new TimeOnly(0, 0);
        }
        var m = TimePattern().Match(t);
        if (!m.Success)
            return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = m.Groups["s"].Success ? m.Groups["s"].Value : string.Empty;
        var pm = suffix is "pm" or "p" or "de la tarde" or "de la noche" or "in the evening" or "at night" or "in the afternoon";
        var am = suffix is "am" or "a" or "de la manana" or "in the morning";
        if (minute > 59)
            return null;
        if (am || pm)
        {
            if (hour is < 1 or > 12)
                return null;
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (hour > 23)
        {
            return null;
        }
        return new TimeOnly(hour, minute);
    }

    /// <summary>A date from <paramref name="today"/> to a year after it; null otherwise.</summary>
    public static DateOnly? Date(string text, string locale, DateOnly today)
    {
        var t = AnswerMatcher.Normalize(text);
        if (t.Length is 0 or > 30)
            return null;
        DateOnly? date = t switch
        {
            "today" or "hoy" => today,
            "tomorrow" or "manana" => today.AddDays(1),
            "day after tomorrow" or "pasado manana" => today.AddDays(2),
            _ => null,
        };
        if (date is null && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            date = iso;
        if (date is null && NumericDate().Match(t) is { Success: true } m)
        {
            var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            var (month, day) = locale.StartsWith("es", StringComparison.Ordinal) ? (b, a) : (a, b);
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
            if (year < 100)
                year += 2000;
            if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
                return null;
            date = new DateOnly(year, month, day);
            if (!m.Groups["y"].Success && date < today)
                date = date.Value.AddYears(1);
        }
        return date is { } d && d >= today && d <= today.AddYears(1) ? d : null;
    }

    /// <summary>An IANA zone by name, any case ("america/chicago"); null when unknown.</summary>
    public static TimeZoneInfo? Zone(string? text)
    {
        var name = text?.Trim().Replace(' ', '_');
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.Contains('/', StringComparison.Ordinal) && name != "UTC")
            return null;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
            return zone;
        // Zone ids are case-sensitive on Linux: match ignoring case against the known names.
        var known = TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, name, StringComparison.OrdinalIgnoreCase));
        return known;
    }

    /// <summary>"daily" or empty: every day (empty list); a weekday name in English: that day; otherwise null.</summary>
    public static IReadOnlyList<DayOfWeek>? Days(string? value)
    {
        var v = value?.Trim().ToLowerInvariant() ?? string.Empty;
        if (v is "" or "daily")
            return [];
        return Enum.TryParse<DayOfWeek>(v, ignoreCase: true, out var day) && Enum.IsDefined(day) && !char.IsDigit(v[0]) ? [day] : null;
    }

    [GeneratedRegex(@"^(?:at |a las |a la )?(?<h>\d{1,2})(?:\s*[:h.]\s*(?<m>\d{2}))?\s*(?<s>am|pm|a|p|hrs|h|de la manana|de la tarde|de la noche|in the morning|in the afternoon|in the evening|at night|o'?clock)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/\-.](?<b>\d{1,2})(?:[/\-.](?<y>\d{2}|\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();
}
