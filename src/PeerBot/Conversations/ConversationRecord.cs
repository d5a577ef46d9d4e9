using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Conversations;

/// <summary>
/// One client conversation. <see cref="Key"/> is PeerBot's opaque id, safe for logs. The channel's conversation id
/// (a phone number on SMS) is only inside <see cref="ReferenceJson"/>; lookups use <see cref="ChannelHash"/>.
/// </summary>
public sealed class ConversationRecord
{
    public required string Key { get; init; }
    public required string ChannelHash { get; init; }
    public required string ChannelId { get; init; }
    public ConversationMode Mode { get; set; }
    public string Locale { get; set; } = "en-US";
    public string? ReferenceJson { get; set; }
    public bool ServiceUrlVerified { get; set; }
    public string? DialogStateJson { get; set; }
    public string? SafetyStateJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>
    /// The short context buffer a peer sees on pickup (DESIGN.md decision 5): the client's last few bot-mode
    /// messages, each encrypted on its own (<see cref="Data.TimedLines"/>); null when empty. Kept in the
    /// conversation's own row, which every turn writes anyway (load RESULTS.md, stop 15).
    /// </summary>
    public string? ContextBuffer { get; set; }

    /// <summary>The activities delivered in the last ten minutes, for de-duplication (<see cref="DeliveryLog"/>).</summary>
    public string? RecentDeliveries { get; set; }

    /// <summary>Optimistic concurrency across replicas: every save bumps it.</summary>
    public int Version { get; set; }
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("Conversations");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(40);
        builder.Property(c => c.ChannelHash).HasMaxLength(64);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.Locale).HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ChannelHash).IsUnique();
    }
}
