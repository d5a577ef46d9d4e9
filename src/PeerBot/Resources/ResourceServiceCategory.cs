using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>A service filed under one of our categories, with the mapping rule that put it there.</summary>
public sealed class ResourceServiceCategory
{
    public required string ServiceId { get; set; }
    public required string Category { get; set; }
    public required string Reason { get; set; }
}

internal sealed class ResourceServiceCategoryConfiguration : IEntityTypeConfiguration<ResourceServiceCategory>
{
    public void Configure(EntityTypeBuilder<ResourceServiceCategory> builder)
    {
        builder.ToTable("resource_service_categories");
        builder.HasKey(c => new { c.ServiceId, c.Category });
        builder.Property(c => c.Category).HasMaxLength(40);
        builder.HasOne<ResourceService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.Category);
    }
}
