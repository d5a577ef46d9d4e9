using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>
/// An HSDS service, keyed by its HSDS id. <see cref="Phone"/> and <see cref="Hours"/> are chosen at import
/// (service phone, else its locations', else its organization's; schedule text or opening times).
/// </summary>
public sealed class ResourceService
{
    public required string Id { get; set; }
    public string? OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Status { get; set; }
    public string? Phone { get; set; }
    public string? Hours { get; set; }
    public required string SourceFile { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>HSDS statuses that keep a service out of search results.</summary>
    public static IReadOnlyList<string> HiddenStatuses { get; } = ["inactive", "defunct"];
}

internal sealed class ResourceServiceConfiguration : IEntityTypeConfiguration<ResourceService>
{
    public void Configure(EntityTypeBuilder<ResourceService> builder)
    {
        builder.ToTable("resource_services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(100);
        builder.Property(s => s.Name).HasMaxLength(500);
        builder.Property(s => s.Status).HasMaxLength(50);
        builder.HasOne<ResourceOrganization>().WithMany().HasForeignKey(s => s.OrganizationId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
