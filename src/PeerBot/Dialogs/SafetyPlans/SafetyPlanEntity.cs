using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Dialogs.SafetyPlans;

/// <summary>
/// A stored safety plan. <see cref="ProtectedPlan"/> is the plan's JSON encrypted with ASP.NET Core Data Protection
/// (purpose <see cref="SafetyPlanStore.Purpose"/>); nothing readable is stored in clear.
/// </summary>
public sealed class SafetyPlanEntity
{
    public required string ConversationKey { get; init; }
    public required string ProtectedPlan { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SafetyPlanEntityConfiguration : IEntityTypeConfiguration<SafetyPlanEntity>
{
    public void Configure(EntityTypeBuilder<SafetyPlanEntity> builder)
    {
        builder.ToTable("SafetyPlans");
        builder.HasKey(p => p.ConversationKey);
        builder.Property(p => p.ConversationKey).HasMaxLength(128);
        builder.Property(p => p.ProtectedPlan).IsRequired();
    }
}
