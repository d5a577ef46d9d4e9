using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Summaries;

public enum ConsentAction
{
    Offered = 0,
    OptedIn = 1,
    OptedOut = 2,
    ErasureRequested = 3,
    Erased = 4,
}

/// <summary>
/// One line of the consent ledger: what the client decided, when, on which channel, under which consent text
/// version. Never any content; it outlives an erasure (proof that the client asked and that it was done).
/// </summary>
public sealed class ConsentEntry
{
    public long Id { get; init; }
    public required string ConversationKey { get; init; }
    public ConsentAction Action { get; init; }
    public required string ChannelId { get; init; }
    public string? TextVersion { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class ConsentEntryConfiguration : IEntityTypeConfiguration<ConsentEntry>
{
    public void Configure(EntityTypeBuilder<ConsentEntry> builder)
    {
        builder.ToTable("ConsentLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ConversationKey).HasMaxLength(40);
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.Property(e => e.TextVersion).HasMaxLength(32);
        builder.HasIndex(e => new { e.ConversationKey, e.Id });
    }
}
