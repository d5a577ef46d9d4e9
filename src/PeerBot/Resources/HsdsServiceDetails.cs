namespace PeerBot.Resources;

/// <summary>What a listing shows that HSDS spreads over several tables: a phone, opening hours, categories.</summary>
internal static class HsdsServiceDetails
{
    public static void Fill(HsdsModel model, HsdsTables tables, CategoryMap map)
    {
        var locationsByService = model.ServiceLocations.ToLookup(s => s.ServiceId, StringComparer.OrdinalIgnoreCase);
        var schedules = tables.Rows("schedules").ToList();
        var termsById = tables.Rows("taxonomy_terms").Where(t => t.Id is not null)
            .ToDictionary(t => t.Id!, StringComparer.OrdinalIgnoreCase);
        var termsByService = tables.Rows("attributes")
            .Where(a => a["link_id"] is not null && a["taxonomy_term_id"] is not null)
            .ToLookup(a => a["link_id"]!, a => termsById.GetValueOrDefault(a["taxonomy_term_id"]!), StringComparer.OrdinalIgnoreCase);
        var phones = model.Phones.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

        foreach (var service in model.Services)
        {
            var atLocations = locationsByService[service.Id].ToList();
            var salIds = atLocations.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var locationIds = atLocations.Select(s => s.LocationId).ToHashSet(StringComparer.OrdinalIgnoreCase);

            service.Phone = Display(
                phones.FirstOrDefault(p => Same(p.ServiceId, service.Id))
                ?? phones.FirstOrDefault(p => p.ServiceAtLocationId is not null && salIds.Contains(p.ServiceAtLocationId))
                ?? phones.FirstOrDefault(p => p.LocationId is not null && locationIds.Contains(p.LocationId))
                ?? phones.FirstOrDefault(p => service.OrganizationId is not null && Same(p.OrganizationId, service.OrganizationId)));

            var schedule = schedules.FirstOrDefault(s => Same(s["service_id"], service.Id))
                ?? schedules.FirstOrDefault(s => s["service_at_location_id"] is { } sal && salIds.Contains(sal));
            service.Hours = schedule is null ? null : schedule["description"] ?? Times(schedule);

            var terms = termsByService[service.Id].OfType<HsdsRow>().ToList();
            var program = tables.Find("programs", tables.Find("services", service.Id)?["program_id"]);
            var texts = new[] { service.Name, service.AlternateName, service.Description, program?["name"] }
                .Concat(terms.Select(t => t["name"]));
            foreach (var (category, reason) in map.Match(texts, terms.Select(t => t["code"]).OfType<string>()))
                model.Categories.Add(new ResourceServiceCategory { ServiceId = service.Id, Category = category, Reason = reason });
        }
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Display(ResourcePhone? phone) =>
        phone is null ? null : phone.Extension is null ? phone.Number : $"{phone.Number} ext. {phone.Extension}";

    private static string? Times(HsdsRow schedule)
    {
        var opens = schedule["opens_at"];
        var closes = schedule["closes_at"];
        if (opens is null || closes is null)
            return null;
        var days = schedule["byday"];
        return days is null ? $"{opens[..Math.Min(5, opens.Length)]}–{closes[..Math.Min(5, closes.Length)]}"
            : $"{days} {opens[..Math.Min(5, opens.Length)]}–{closes[..Math.Min(5, closes.Length)]}";
    }
}
