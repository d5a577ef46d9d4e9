using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Conversations;

/// <summary>
/// A reply waiting to be sent. Written in the same transaction as the conversation state, deleted once the
/// connector accepts it, retried with backoff when it fails (never dropped).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string ConversationKey { get; init; }
    public required string ActivityJson { get; init; }
    public string? ReplyToId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedOnAdd();
        builder.Property(o => o.ConversationKey).HasMaxLength(40);
        builder.Property(o => o.LastError).HasMaxLength(200);
        builder.HasIndex(o => new { o.ConversationKey, o.Id });
        builder.HasIndex(o => o.NextAttemptAt);
    }
}
