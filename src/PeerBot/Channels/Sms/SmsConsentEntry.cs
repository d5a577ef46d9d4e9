using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Channels.Sms;

/// <summary>
/// One line of the SMS opt-out ledger (append-only): which number (as a hash), what happened, the keyword category
/// and when. The latest opt-out/opt-in line decides whether the number may be texted.
/// </summary>
public sealed class SmsConsentEntry
{
    public long Id { get; init; }
    public required string NumberHash { get; init; }
    public required SmsKeywordKind Action { get; init; }

    /// <summary>STOP, START, HELP, … or <c>CARRIER-21610</c> when Twilio reported the number unsubscribed.</summary>
    public required string Keyword { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class SmsConsentEntryConfiguration : IEntityTypeConfiguration<SmsConsentEntry>
{
    public void Configure(EntityTypeBuilder<SmsConsentEntry> builder)
    {
        builder.ToTable("SmsConsentLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.NumberHash).HasMaxLength(64);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Keyword).HasMaxLength(24);
        builder.HasIndex(e => new { e.NumberHash, e.Id });
    }
}
