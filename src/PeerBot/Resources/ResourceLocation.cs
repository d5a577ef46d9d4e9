using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>An HSDS location. Not tied to an organization row: upstream data often names one it does not include.</summary>
public sealed class ResourceLocation
{
    public required string Id { get; set; }
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public required string SourceFile { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class ResourceLocationConfiguration : IEntityTypeConfiguration<ResourceLocation>
{
    public void Configure(EntityTypeBuilder<ResourceLocation> builder)
    {
        builder.ToTable("resource_locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(100);
    }
}
