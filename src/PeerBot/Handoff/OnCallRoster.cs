using Microsoft.Extensions.Options;

namespace PeerBot.Handoff;

/// <summary>Who is on call at a given moment, from <see cref="HandoffOptions.OnCall"/> and its time zone.</summary>
public sealed class OnCallRoster(IOptionsMonitor<HandoffOptions> options)
{
    public bool IsConfigured => options.CurrentValue.OnCall.Count > 0;

    /// <summary>Roster index and number of everyone on duty at <paramref name="now"/>, in roster order.</summary>
    public IReadOnlyList<(int Index, string Phone)> OnDutyAt(DateTimeOffset now)
    {
        var o = options.CurrentValue;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, FindZone(o.OnCallTimeZone)).DateTime);
        return [.. o.OnCall
            .Select((entry, index) => (entry, index))
            .Where(x => x.entry.IsValid && x.entry.IsOnDutyAt(local))
            .Select(x => (x.index, x.entry.Phone!))];
    }

    public static bool IsKnownZone(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
