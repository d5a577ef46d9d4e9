using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Summaries;

/// <summary>A stored summary: ids and times in the clear, the content (a <see cref="SummaryContent"/>) encrypted.</summary>
public sealed class ClientSummary
{
    public long Id { get; init; }
    public required string ConversationKey { get; init; }
    public required string ChannelId { get; init; }
    public DateTimeOffset EpisodeStartedAt { get; init; }
    public DateTimeOffset EpisodeEndedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Highest safety tier of the episode (none, low, moderate, high, crisis): lets a coordinator sort.</summary>
    public required string MaxTier { get; init; }
    public required string Cipher { get; init; }
}

internal sealed class ClientSummaryConfiguration : IEntityTypeConfiguration<ClientSummary>
{
    public void Configure(EntityTypeBuilder<ClientSummary> builder)
    {
        builder.ToTable("Summaries");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.ConversationKey).HasMaxLength(40);
        builder.Property(s => s.ChannelId).HasMaxLength(64);
        builder.Property(s => s.MaxTier).HasMaxLength(16);
        builder.HasIndex(s => s.CreatedAt);
        builder.HasIndex(s => new { s.ConversationKey, s.CreatedAt });
    }
}
