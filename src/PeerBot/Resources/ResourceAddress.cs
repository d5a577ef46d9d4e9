using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.Resources;

/// <summary>An HSDS address of a location, with search keys: ZIP, ZIP prefix and a case/diacritic-free city.</summary>
public sealed class ResourceAddress
{
    public required string Id { get; set; }
    public required string LocationId { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
    public string CityKey { get; set; } = "";
    public string StateKey { get; set; } = "";
    public string? Zip5 { get; set; }
    public string? Zip3 { get; set; }

    /// <summary>"1 Main St, Portland, OR 97201" for display.</summary>
    public string Display() =>
        string.Join(", ", new[] { Address1, City, string.Join(' ', new[] { StateProvince, PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p))) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
}

internal sealed class ResourceAddressConfiguration : IEntityTypeConfiguration<ResourceAddress>
{
    public void Configure(EntityTypeBuilder<ResourceAddress> builder)
    {
        builder.ToTable("resource_addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(100);
        builder.HasOne<ResourceLocation>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.Zip5);
        builder.HasIndex(a => a.Zip3);
        builder.HasIndex(a => a.CityKey);
    }
}
