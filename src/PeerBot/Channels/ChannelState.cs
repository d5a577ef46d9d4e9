using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Channels;

/// <summary>
/// Per-conversation delivery settings kept by Channels/: discreet wording, and whether the channel told us the client
/// can no longer be reached (Teams 403 <c>MessageWritesBlocked</c>). Cleared again when the client writes.
/// </summary>
public sealed class ChannelState
{
    public required string ConversationKey { get; init; }
    public bool Discreet { get; set; }
    public bool Unreachable { get; set; }
    public DateTimeOffset? UnreachableSince { get; set; }
    public string? TimeZoneId { get; set; }

    /// <summary>Teams sends both conversationUpdate and installationUpdate on install: greet once.</summary>
    public DateTimeOffset? WelcomedAt { get; set; }
}

internal sealed class ChannelStateConfiguration : IEntityTypeConfiguration<ChannelState>
{
    public void Configure(EntityTypeBuilder<ChannelState> builder)
    {
        builder.ToTable("ChannelStates");
        builder.HasKey(s => s.ConversationKey);
        builder.Property(s => s.ConversationKey).HasMaxLength(40);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
    }
}
