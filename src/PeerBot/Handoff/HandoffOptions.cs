using System.ComponentModel.DataAnnotations;

namespace PeerBot.Handoff;

public sealed class HandoffOptions
{
    public const string Section = "PeerBot:Handoff";

    /// <summary>Time to claim per tier: at the limit every online peer is re-notified, at twice it coordinators.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan CrisisLimit { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan HighLimit { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan RequestedLimit { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan ModerateLimit { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A claimed handoff with no peer message this long gets a reminder to the peer…</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ClaimIdleReminder { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>…and this long after the reminder goes back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ClaimIdleRequeue { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>No message from anyone for this long (and, when queued, past escalation): closed as no-response.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Open claims per peer; a peer at the cap is not offered new claims.</summary>
    [Range(1, 50)]
    public int CaseloadCap { get; set; } = 3;

    /// <summary>How many client messages before the handoff the peer sees on pickup.</summary>
    [Range(0, 20)]
    public int ContextMessages { get; set; } = 5;

    /// <summary>How often the SLA timers run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Public URL of the console, for links in alerts (e.g. https://peerbot.example.org). Relative if unset.</summary>
    public string? ConsoleUrl { get; set; }

    public PeersChannelOptions PeersChannel { get; set; } = new();

    /// <summary>
    /// Phones paged by SMS (direct Twilio) about crisis handoffs: when one opens, at the crisis limit and at
    /// escalation. A list; each entry may carry a daily window, which makes it a roster by time of day.
    /// </summary>
    public List<OnCallEntry> OnCall { get; set; } = [];

    /// <summary>Time zone of the roster windows (IANA or Windows id).</summary>
    public string OnCallTimeZone { get; set; } = "UTC";

    public TimeSpan LimitFor(HandoffReason reason) => HandoffQueue.Priority(reason) switch
    {
        0 => CrisisLimit,
        1 => HighLimit,
        2 => RequestedLimit,
        _ => ModerateLimit,
    };
}

/// <summary>The Teams channel where new handoffs are posted (a proactive message through the connector).</summary>
public sealed class PeersChannelOptions
{
    public string? ServiceUrl { get; set; }
    public string? ConversationId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceUrl) && !string.IsNullOrWhiteSpace(ConversationId);
}
