using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>An HSDS organization, keyed by its HSDS id.</summary>
public sealed class ResourceOrganization
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public required string SourceFile { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class ResourceOrganizationConfiguration : IEntityTypeConfiguration<ResourceOrganization>
{
    public void Configure(EntityTypeBuilder<ResourceOrganization> builder)
    {
        builder.ToTable("resource_organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(100);
        builder.Property(o => o.Name).HasMaxLength(500);
    }
}
