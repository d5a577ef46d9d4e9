using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Channels.Sms;

/// <summary>The latest Twilio status callback for one outbound message: ids, status and error code, never the body.</summary>
public sealed class SmsDeliveryStatus
{
    public required string MessageSid { get; init; }
    public required string Status { get; set; }
    public string? ErrorCode { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SmsDeliveryStatusConfiguration : IEntityTypeConfiguration<SmsDeliveryStatus>
{
    public void Configure(EntityTypeBuilder<SmsDeliveryStatus> builder)
    {
        builder.ToTable("SmsDeliveryStatuses");
        builder.HasKey(s => s.MessageSid);
        builder.Property(s => s.MessageSid).HasMaxLength(64);
        builder.Property(s => s.Status).HasMaxLength(32);
        builder.Property(s => s.ErrorCode).HasMaxLength(16);
    }
}
