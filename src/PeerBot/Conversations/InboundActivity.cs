using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Conversations;

/// <summary>
/// A delivered activity, remembered for the de-duplication window so a re-delivery (Teams retries after ~15 s) is
/// acknowledged without a second turn. Keyed by a hash: no channel ids at rest.
/// </summary>
public sealed class InboundActivity
{
    public required string Hash { get; init; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class InboundActivityConfiguration : IEntityTypeConfiguration<InboundActivity>
{
    public void Configure(EntityTypeBuilder<InboundActivity> builder)
    {
        builder.ToTable("InboundActivities");
        builder.HasKey(a => a.Hash);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => a.ReceivedAt);
    }
}
