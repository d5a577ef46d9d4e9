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
        builder.Property(h => h.Outcome).HasMaxLength(32);
        builder.HasIndex(h => new { h.State, h.CreatedAt });
        builder.HasIndex(h => h.ConversationKey);
    }
}
