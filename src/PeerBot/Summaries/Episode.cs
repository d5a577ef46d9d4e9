using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Summaries;

/// <summary>
/// An opted-in client's current episode: it ends at <see cref="DueAt"/> (inactivity) or when a handoff closes, and
/// is then summarized by the sweeper, off the reply path. Clients who did not opt in never have one.
/// </summary>
public sealed class Episode
{
    public required string ConversationKey { get; init; }
    public required string ChannelId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>One fact of an episode (check-in answers, a strategy, a resource, a safety flag), encrypted.</summary>
public sealed class EpisodeFact
{
    public long Id { get; init; }
    public required string ConversationKey { get; init; }
    public required string Kind { get; init; }
    public required string Cipher { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.ToTable("Episodes");
        builder.HasKey(e => e.ConversationKey);
        builder.Property(e => e.ConversationKey).HasMaxLength(40);
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.HasIndex(e => e.DueAt);
    }
}

internal sealed class EpisodeFactConfiguration : IEntityTypeConfiguration<EpisodeFact>
{
    public void Configure(EntityTypeBuilder<EpisodeFact> builder)
    {
        builder.ToTable("EpisodeFacts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.Property(f => f.ConversationKey).HasMaxLength(40);
        builder.Property(f => f.Kind).HasMaxLength(32);
        builder.HasIndex(f => new { f.ConversationKey, f.Id });
    }
}
