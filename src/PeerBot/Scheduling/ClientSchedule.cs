using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Scheduling;

/// <summary>Per-client scheduling settings and the "gone quiet" flag the coordinator board shows.</summary>
public sealed class ClientSchedule
{
    public required string ConversationKey { get; init; }

    /// <summary>Quiet hours in local time, minutes after midnight; the window may wrap midnight (21:00–08:00).</summary>
    public int QuietStartMinutes { get; set; }
    public int QuietEndMinutes { get; set; }

    /// <summary>Check-ins sent in a row with no message from the client since.</summary>
    public int MissedInRow { get; set; }
    public bool GoneQuiet { get; set; }
    public DateTimeOffset? GoneQuietSince { get; set; }
}

internal sealed class ClientScheduleConfiguration : IEntityTypeConfiguration<ClientSchedule>
{
    public void Configure(EntityTypeBuilder<ClientSchedule> builder)
    {
        builder.ToTable("ClientSchedules");
        builder.HasKey(c => c.ConversationKey);
        builder.Property(c => c.ConversationKey).HasMaxLength(40);
        builder.HasIndex(c => c.GoneQuiet);
    }
}
