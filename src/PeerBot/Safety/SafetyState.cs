namespace PeerBot.Safety;

/// <summary>
/// Per-conversation safety memory, persisted with the conversation state as JSON. It holds times, tiers and
/// categories only, never client words.
/// </summary>
public sealed class SafetyState
{
    /// <summary>Recent moderate-or-higher signals, for conversation-level escalation.</summary>
    public List<SafetyMark> Recent { get; set; } = [];

    /// <summary>When the current crisis episode began; the full crisis text is not repeated within one.</summary>
    public DateTimeOffset? CrisisEpisodeStartedAt { get; set; }

    /// <summary>Last time any crisis or high resource text was sent.</summary>
    public DateTimeOffset? LastCrisisReplyAt { get; set; }

    /// <summary>Last crisis-tier message; the episode (and the escalated tier) lasts one window after it.</summary>
    public DateTimeOffset? LastCrisisAt { get; set; }

    /// <summary>When the crisis text asked "Are you safe right now?" and no answer has come yet.</summary>
    public DateTimeOffset? AskedIfSafeAt { get; set; }

    /// <summary>
    /// A peer closed the handoff as resolved or referred: the crisis episode is over, so the client's next words
    /// ("no" to "was this helpful?", "thanks") do not reopen a crisis handoff. A new crisis message starts a new one.
    /// </summary>
    public void EndCrisisEpisode()
    {
        CrisisEpisodeStartedAt = null;
        LastCrisisAt = null;
        AskedIfSafeAt = null;
    }
}

public sealed record SafetyMark(DateTimeOffset At, DistressTier Tier, string Category);
