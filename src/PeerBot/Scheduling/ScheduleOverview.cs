namespace PeerBot.Scheduling;

/// <summary>
/// What a client has scheduled, for the dialogs: the channel's time zone (null when the channel never sent one),
/// the zone of their latest schedule (SMS sends none, so it was asked once), the active check-in, and the active
/// reminders in the order a cancel-by-number uses (next run first).
/// </summary>
public sealed record ScheduleOverview(
    string? ChannelZone, string? ScheduledZone, ScheduleView? CheckIn, IReadOnlyList<ScheduleView> Reminders);

/// <summary>One active schedule as the client set it (local time, weekday mask or one-off date, topic).</summary>
public sealed record ScheduleView(ScheduleKind Kind, string? Topic, int LocalMinutes, int DaysMask, DateOnly? OnceOn)
{
    public static ScheduleView From(ScheduleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Kind, entry.Topic, entry.LocalMinutes, entry.DaysMask, entry.OnceOn);
    }
}
