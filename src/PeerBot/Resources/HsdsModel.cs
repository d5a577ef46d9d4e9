using System.Globalization;

namespace PeerBot.Resources;

/// <summary>
/// Entities built from HSDS rows, after validation. A record with a problem is left out and reported; records
/// that point at it (an address of a skipped location) are reported too.
/// </summary>
public sealed class HsdsModel
{
    public List<ResourceOrganization> Organizations { get; } = [];
    public List<ResourceService> Services { get; } = [];
    public List<ResourceLocation> Locations { get; } = [];
    public List<ResourceAddress> Addresses { get; } = [];
    public List<ResourceServiceLocation> ServiceLocations { get; } = [];
    public List<ResourcePhone> Phones { get; } = [];
    public List<ResourceServiceCategory> Categories { get; } = [];
    public List<ImportIssue> Issues { get; } = [];

    public static HsdsModel Build(HsdsTables tables, CategoryMap map, DateTimeOffset importedAt)
    {
        var model = new HsdsModel();
        model.Issues.AddRange(tables.Issues);

        foreach (var row in tables.Rows("organizations"))
        {
            if (model.Required(row, "name") is { } name)
                model.Organizations.Add(new ResourceOrganization
                {
                    Id = row.Id!, Name = name, Description = row["description"], Website = row["website"] ?? row["url"],
                    Email = row["email"], SourceFile = row.File, ImportedAt = importedAt,
                });
        }
        var organizationIds = model.Organizations.Select(o => o.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var row in tables.Rows("locations"))
        {
            model.Locations.Add(new ResourceLocation
            {
                Id = row.Id!, OrganizationId = row["organization_id"], Name = row["name"], Description = row["description"],
                Latitude = model.Number(row, "latitude"), Longitude = model.Number(row, "longitude"),
                SourceFile = row.File, ImportedAt = importedAt,
            });
        }
        var locationIds = model.Locations.Select(l => l.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var row in tables.Rows("addresses"))
        {
            if (model.Reference(row, "location_id", locationIds, "location") is not { } locationId)
                continue;
            var postal = row["postal_code"];
            var zip = TextKey.Zip5(postal);
            model.Addresses.Add(new ResourceAddress
            {
                Id = row.Id!, LocationId = locationId, Address1 = row["address_1"], Address2 = row["address_2"],
                City = row["city"], StateProvince = row["state_province"], PostalCode = postal, Country = row["country"],
                AddressType = row["address_type"] ?? row["type"], CityKey = TextKey.Of(row["city"]),
                StateKey = TextKey.Of(row["state_province"]), Zip5 = zip, Zip3 = zip?[..3],
            });
        }

        foreach (var row in tables.Rows("phones"))
        {
            if (model.Required(row, "number") is { } number)
                model.Phones.Add(new ResourcePhone
                {
                    // Upstream's example quotes the number inside the cell ("\"+44 1234 234567\"").
                    Id = row.Id!, Number = number.Trim('"', ' '), Extension = row["extension"], Type = row["type"],
                    ServiceId = row["service_id"], LocationId = row["location_id"], OrganizationId = row["organization_id"],
                    ServiceAtLocationId = row["service_at_location_id"],
                });
        }

        foreach (var row in tables.Rows("services"))
        {
            if (model.Required(row, "name") is not { } name)
                continue;
            var organizationId = row["organization_id"];
            model.Services.Add(new ResourceService
            {
                Id = row.Id!, Name = name, AlternateName = row["alternate_name"], Description = row["description"],
                OrganizationId = organizationId is not null && organizationIds.Contains(organizationId) ? organizationId : null,
                Url = row["url"], Email = row["email"], Status = row["status"]?.ToLowerInvariant(),
                SourceFile = row.File, ImportedAt = importedAt,
            });
        }
        var serviceIds = model.Services.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var row in tables.Rows("service_at_location"))
        {
            var serviceId = model.Reference(row, "service_id", serviceIds, "service");
            var locationId = model.Reference(row, "location_id", locationIds, "location");
            if (serviceId is not null && locationId is not null)
                model.ServiceLocations.Add(new ResourceServiceLocation
                {
                    Id = row.Id!, ServiceId = serviceId, LocationId = locationId, Description = row["description"],
                });
        }

        HsdsServiceDetails.Fill(model, tables, map);
        return model;
    }

    private string? Required(HsdsRow row, string field)
    {
        var value = row[field];
        if (value is null)
            Issues.Add(row.Issue(field, $"{field} is required"));
        return value;
    }

    private string? Reference(HsdsRow row, string field, HashSet<string> known, string what)
    {
        var value = row[field];
        if (value is null)
            Issues.Add(row.Issue(field, $"{field} is required"));
        else if (!known.Contains(value))
            Issues.Add(row.Issue(field, $"no valid {what} with this id in the import"));
        else
            return value;
        return null;
    }

    private double? Number(HsdsRow row, string field)
    {
        var value = row[field];
        if (value is null)
            return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        Issues.Add(row.Issue(field, $"{field} is not a number; left empty"));
        return null;
    }
}
