using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerBot.Safety;

namespace PeerBot.Handoff;

public enum HandoffReason
{
    Crisis = 0,
    High = 1,
    Requested = 2,
    Moderate = 3,
    CheckIn = 4,
}

public enum HandoffState
{
    Queued = 0,
    Claimed = 1,
    Closed = 2,
}

/// <summary>
/// A request for a human peer. One open request per conversation. <see cref="Explanation"/> may quote the
/// client's words (which rule fired on which words): it lives only while the handoff is open.
/// </summary>
public sealed class HandoffRequest
{
    public Guid Id { get; init; }
    public required string ConversationKey { get; init; }
    public HandoffReason Reason { get; set; }
    public DistressTier Tier { get; set; }
    public string? Category { get; set; }
    public string? Explanation { get; set; }
    public HandoffState State { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? PeerId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>When it (re-)entered the queue: the SLA clock. Equals <see cref="CreatedAt"/> until a requeue.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The claiming peer's display name (what the client is told), never a full name or contact.</summary>
    public string? PeerName { get; set; }

    /// <summary>When the current peer first claimed it, for time-to-claim metrics (first claim only).</summary>
    public DateTimeOffset? FirstClaimedAt { get; set; }

    public DateTimeOffset? LastClientMessageAt { get; set; }
    public DateTimeOffset? LastPeerMessageAt { get; set; }

    /// <summary>SLA timers: re-notified at the limit, escalated to coordinators at twice the limit.</summary>
    public DateTimeOffset? RenotifiedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Claimed but idle: when the peer was reminded.</summary>
    public DateTimeOffset? IdleReminderAt { get; set; }

    public int TransferCount { get; set; }

    /// <summary>The peer's private closing note, encrypted (Data Protection); kept for supervision.</summary>
    public string? NoteCipher { get; set; }

    public DateTimeOffset? DebriefedAt { get; set; }
    public bool FlaggedForSupervisor { get; set; }

    /// <summary>The bot asked "was this helpful?" after closing and waits for one answer.</summary>
    public bool FeedbackPending { get; set; }
    public bool? Helpful { get; set; }

    /// <summary>When the client's channel refused our messages (403: blocked the bot); the peer is told.</summary>
    public DateTimeOffset? ClientUnreachableAt { get; set; }

    /// <summary>When the transcript and context buffer were deleted (grace period over).</summary>
    public DateTimeOffset? TranscriptDeletedAt { get; set; }
}

internal sealed class HandoffRequestConfiguration : IEntityTypeConfiguration<HandoffRequest>
{
    public void Configure(EntityTypeBuilder<HandoffRequest> builder)
    {
        builder.ToTable("Handoffs");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.ConversationKey).HasMaxLength(64);
        builder.Property(h => h.Category).HasMaxLength(64);
        builder.Property(h => h.PeerId).HasMaxLength(128);
        builder.Property(h => h.PeerName).HasMaxLength(64);
        builder.Property(h => h.Outcome).HasMaxLength(32);
        builder.HasIndex(h => new { h.State, h.CreatedAt });
        builder.HasIndex(h => h.ConversationKey);
        builder.HasIndex(h => new { h.PeerId, h.State });
    }
}
