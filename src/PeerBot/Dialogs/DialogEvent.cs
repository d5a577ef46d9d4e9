namespace PeerBot.Dialogs;

/// <summary>Something the dialog engine asks the rest of PeerBot to do or know. Carries no client words.</summary>
public abstract record DialogEvent
{
    /// <summary>The client asked for a person (<c>peer</c>, or "yes" to an offer). Reason: requested, check-in, …</summary>
    public sealed record HandoffRequested(string Reason) : DialogEvent;

    /// <summary>A finished daily check-in. Feeds conversation-level safety escalation and summaries.</summary>
    public sealed record CheckInCompleted(int Mood, int Craving, string? Sleep, bool AnyUse) : DialogEvent;

    /// <summary><c>my data</c>, <c>delete my data</c>, <c>privacy</c>: handled by Summaries/.</summary>
    public sealed record PrivacyCommand(string Command) : DialogEvent;

    /// <summary>The client chose a language.</summary>
    public sealed record LocaleChanged(string Locale) : DialogEvent;

    /// <summary>A fact worth a summary line (strategy tried, resource looked up), for opted-in clients only.</summary>
    public sealed record SummaryFact(string Kind, string Detail) : DialogEvent;

    /// <summary>
    /// The client asked for a scheduled message (Scheduling/). Kind: "check-in" or "reminder". Days empty means every
    /// day. OnceOn set means once, on that local date. Topic (reminders): appointment, meeting, medication or other.
    /// TimeZone: an IANA id when the dialog asked for it, else null (the channel's zone, else the default).
    /// </summary>
    public sealed record ScheduleRequested(
        string Kind, TimeOnly LocalTime, IReadOnlyList<DayOfWeek> Days, string? TimeZone,
        DateOnly? OnceOn = null, string? Topic = null) : DialogEvent;

    /// <summary>
    /// Stop scheduled messages. Kind: "check-in", "reminder" or "all". Number (reminders only): just the reminder with
    /// that number in the list the client was shown (ordered by next run).
    /// </summary>
    public sealed record ScheduleCancelled(string Kind, int? Number = null) : DialogEvent;

    /// <summary>The client chose quiet hours (local time); scheduled messages wait until they end.</summary>
    public sealed record QuietHoursChanged(TimeOnly Start, TimeOnly End) : DialogEvent;

    /// <summary>Discreet mode on or off: no recovery words in the first line of any message.</summary>
    public sealed record DiscreetModeChanged(bool Enabled) : DialogEvent;
}
