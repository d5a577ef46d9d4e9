using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Scheduling;

/// <summary>
/// One recurring (daily, or on some weekdays) or one-off scheduled message. <see cref="NextRunAt"/> is persisted,
/// so the schedule survives restarts; <see cref="ClaimToken"/> is taken by a conditional update before anything is
/// sent, so two workers (or a restarted one) never send the same run twice.
/// </summary>
public sealed class ScheduleEntry
{
    public Guid Id { get; init; }
    public required string ConversationKey { get; init; }
    public ScheduleKind Kind { get; init; }

    /// <summary>Reminders: appointment, meeting, medication or other (a category, never the client's words).</summary>
    public string? Topic { get; init; }

    /// <summary>Local time of day, minutes after midnight.</summary>
    public int LocalMinutes { get; set; }

    /// <summary>Bit per <see cref="DayOfWeek"/>; 0 means every day.</summary>
    public int DaysMask { get; set; }

    /// <summary>Set for a one-off run on that local date.</summary>
    public DateOnly? OnceOn { get; set; }

    public required string TimeZoneId { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ScheduleEntryConfiguration : IEntityTypeConfiguration<ScheduleEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleEntry> builder)
    {
        builder.ToTable("Schedules");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ConversationKey).HasMaxLength(40);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Topic).HasMaxLength(16);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.ClaimToken).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Active, e.NextRunAt });
        builder.HasIndex(e => e.ConversationKey);
    }
}
