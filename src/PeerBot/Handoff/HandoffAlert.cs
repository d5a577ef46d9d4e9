using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Handoff;

public enum AlertKind
{
    /// <summary>A new handoff was opened.</summary>
    Opened = 0,
    /// <summary>Unclaimed at the tier's limit: every online peer again.</summary>
    Renotify = 1,
    /// <summary>Unclaimed at twice the limit: coordinators.</summary>
    Escalated = 2,
    /// <summary>Claimed with no peer message for a while: the claiming peer.</summary>
    IdleReminder = 3,
    /// <summary>A peer flagged a crisis handoff for their supervisor in the debrief.</summary>
    SupervisorFlag = 4,
}

/// <summary>Every alert sent about a handoff, where and when (no content).</summary>
public sealed class HandoffAlert
{
    public long Id { get; init; }
    public Guid HandoffId { get; init; }
    public AlertKind Kind { get; init; }

    /// <summary>console, teams, coordinators, sms.</summary>
    public required string Channel { get; init; }

    /// <summary>How many people it reached (online consoles), when known.</summary>
    public int Recipients { get; init; }
    public bool Delivered { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class HandoffAlertConfiguration : IEntityTypeConfiguration<HandoffAlert>
{
    public void Configure(EntityTypeBuilder<HandoffAlert> builder)
    {
        builder.ToTable("HandoffAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Channel).HasMaxLength(32);
        builder.HasIndex(a => a.HandoffId);
    }
}
