using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Audit;

/// <summary>
/// Who read which client content, when (DESIGN.md decision 5). Holds ids and an action name, never content.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; init; }
    public required string ActorId { get; init; }
    public required string Action { get; init; }
    public Guid? HandoffId { get; init; }
    public string? ConversationKey { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditTrail");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.ActorId).HasMaxLength(128);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.ConversationKey).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.HandoffId);
    }
}
