using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Dialogs.Goals;

/// <summary>
/// Stored recovery goals. <see cref="ProtectedGoals"/> is the goals' JSON encrypted with ASP.NET Core Data
/// Protection (purpose <see cref="GoalsStore.Purpose"/>); nothing readable is stored in clear.
/// </summary>
public sealed class GoalsEntity
{
    public required string ConversationKey { get; init; }
    public required string ProtectedGoals { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class GoalsEntityConfiguration : IEntityTypeConfiguration<GoalsEntity>
{
    public void Configure(EntityTypeBuilder<GoalsEntity> builder)
    {
        builder.ToTable("RecoveryGoals");
        builder.HasKey(g => g.ConversationKey);
        builder.Property(g => g.ConversationKey).HasMaxLength(128);
        builder.Property(g => g.ProtectedGoals).IsRequired();
    }
}
