using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>HSDS service_at_location: where a service is offered.</summary>
public sealed class ResourceServiceLocation
{
    public required string Id { get; set; }
    public required string ServiceId { get; set; }
    public required string LocationId { get; set; }
    public string? Description { get; set; }
}

internal sealed class ResourceServiceLocationConfiguration : IEntityTypeConfiguration<ResourceServiceLocation>
{
    public void Configure(EntityTypeBuilder<ResourceServiceLocation> builder)
    {
        builder.ToTable("resource_service_locations");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(100);
        builder.HasOne<ResourceService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceLocation>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.LocationId);
        builder.HasIndex(s => s.ServiceId);
    }
}
