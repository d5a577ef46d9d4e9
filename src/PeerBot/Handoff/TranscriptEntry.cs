using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerBot.Safety;

namespace PeerBot.Handoff;

public enum TranscriptSender
{
    Client = 0,
    Peer = 1,
    System = 2,
}

/// <summary>
/// One encrypted line: a live handoff message (<see cref="HandoffId"/> set) or a context-buffer message (the last
/// few client messages before a handoff, <see cref="HandoffId"/> null). <see cref="Cipher"/> is Data Protection
/// output; the plain text exists only in memory while a peer reads it. Deleted after the handoff closes.
/// </summary>
public sealed class TranscriptEntry
{
    public long Id { get; init; }
    public required string ConversationKey { get; init; }
    public Guid? HandoffId { get; init; }
    public TranscriptSender Sender { get; init; }
    public string? PeerId { get; init; }
    public required string Cipher { get; init; }
    public DistressTier Tier { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class TranscriptEntryConfiguration : IEntityTypeConfiguration<TranscriptEntry>
{
    public void Configure(EntityTypeBuilder<TranscriptEntry> builder)
    {
        builder.ToTable("HandoffTranscript");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ConversationKey).HasMaxLength(64);
        builder.Property(e => e.PeerId).HasMaxLength(128);
        builder.Property(e => e.Category).HasMaxLength(64);
        builder.HasIndex(e => new { e.HandoffId, e.Id });
        builder.HasIndex(e => new { e.ConversationKey, e.Id });
    }
}
