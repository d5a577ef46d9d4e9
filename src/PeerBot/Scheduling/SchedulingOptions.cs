using System.ComponentModel.DataAnnotations;

namespace PeerBot.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "PeerBot:Scheduling";

    /// <summary>Off: no background worker (tests drive <see cref="ScheduleDispatcher.RunDueAsync"/> themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due check-ins and reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Parallel sends while dispatching a batch.</summary>
    [Range(1, 256)]
    public int SendConcurrency { get; set; } = 16;

    /// <summary>App-wide cap on scheduled sends per second; 0 = no cap.</summary>
    [Range(0, 100_000)]
    public double MaxSendsPerSecond { get; set; }

    /// <summary>Teams allows 7 sends per second per conversation (PROTOCOL.md §2.5).</summary>
    [Range(1, 50)]
    public int TeamsSendsPerSecondPerConversation { get; set; } = 7;

    /// <summary>This many unanswered check-ins in a row mark the client "gone quiet".</summary>
    [Range(1, 30)]
    public int MissedBeforeGoneQuiet { get; set; } = 3;

    /// <summary>IANA zone when neither the channel nor the client gave one.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "America/New_York";

    public TimeOnly QuietStart { get; set; } = new(21, 0);

    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    /// <summary>A claimed batch not finished within this time (a crashed replica) may be claimed again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A run this late (after an outage) is skipped to the next occurrence instead of sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(6);
}
