using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Summaries;

/// <summary>A yes/no question the privacy desk asked and is waiting for (consent, or confirming an erasure).</summary>
public sealed class PrivacyPrompt
{
    public const string Consent = "consent";
    public const string Erase = "erase";

    public required string ConversationKey { get; init; }
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class PrivacyPromptConfiguration : IEntityTypeConfiguration<PrivacyPrompt>
{
    public void Configure(EntityTypeBuilder<PrivacyPrompt> builder)
    {
        builder.ToTable("PrivacyPrompts");
        builder.HasKey(p => p.ConversationKey);
        builder.Property(p => p.ConversationKey).HasMaxLength(40);
        builder.Property(p => p.Kind).HasMaxLength(16);
    }
}
