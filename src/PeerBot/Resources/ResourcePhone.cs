using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>An HSDS phone and whatever it belongs to (service, location, organization, service at location).</summary>
public sealed class ResourcePhone
{
    public required string Id { get; set; }
    public required string Number { get; set; }
    public string? Extension { get; set; }
    public string? Type { get; set; }
    public string? ServiceId { get; set; }
    public string? LocationId { get; set; }
    public string? OrganizationId { get; set; }
    public string? ServiceAtLocationId { get; set; }
}

internal sealed class ResourcePhoneConfiguration : IEntityTypeConfiguration<ResourcePhone>
{
    public void Configure(EntityTypeBuilder<ResourcePhone> builder)
    {
        builder.ToTable("resource_phones");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(100);
        builder.HasIndex(p => p.ServiceId);
    }
}
