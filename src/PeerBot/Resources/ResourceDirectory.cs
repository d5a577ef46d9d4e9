using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Resources;

/// <summary>
/// Searches the resource directory by category and place. Categories: crisis, treatment, meetings, housing,
/// food, legal, transportation, harm-reduction. A place is a US ZIP (exact, then the same 3-digit prefix) or a
/// city, optionally "City, ST" (case- and accent-insensitive), matched on the addresses of the locations where
/// a service is offered. Up to <c>max</c> local services come first, then up to <c>max</c> imported services that
/// have no location, then every shipped national line for the category (never cut by <c>max</c>).
/// </summary>
public sealed class ResourceDirectory(PeerBotDb db, NationalLines national, ILogger<ResourceDirectory> logger)
{
    public async Task<IReadOnlyList<ResourceListing>> SearchAsync(
        string category, string? place, string locale, int max, CancellationToken cancellationToken)
    {
        if (ResourceCategories.Normalize(category) is not { } key)
        {
            ResourceLog.UnknownCategory(logger);
            return [];
        }
        max = Math.Max(0, max);

        var (local, placeKind) = await LocalAsync(key, ResourcePlace.Parse(place), max, cancellationToken).ConfigureAwait(false);
        var remote = await WithoutLocationAsync(key, max, cancellationToken).ConfigureAwait(false);
        var lines = national.For(key, locale);
        ResourceLog.Searched(logger, key, placeKind, local.Count, remote.Count + lines.Count);
        return [.. local, .. remote, .. lines];
    }

    private async Task<(List<ResourceListing>, string)> LocalAsync(
        string category, ResourcePlace? place, int max, CancellationToken cancellationToken)
    {
        if (place is null || max == 0)
            return ([], "none");
        if (place.Zip is { } zip)
        {
            var exact = await ListAsync(category, a => a.Zip5 == zip, max, cancellationToken).ConfigureAwait(false);
            if (exact.Count > 0)
                return (exact, "zip");
            var prefix = zip[..3];
            return (await ListAsync(category, a => a.Zip3 == prefix, max, cancellationToken).ConfigureAwait(false), "zip-prefix");
        }

        var city = place.CityKey!;
        if (place.StateKey is { } state)
        {
            var inState = await ListAsync(category, a => a.CityKey == city && a.StateKey == state, max, cancellationToken).ConfigureAwait(false);
            if (inState.Count > 0)
                return (inState, "city-state");
        }
        return (await ListAsync(category, a => a.CityKey == city, max, cancellationToken).ConfigureAwait(false), "city");
    }

    private async Task<List<ResourceListing>> ListAsync(
        string category, System.Linq.Expressions.Expression<Func<ResourceAddress, bool>> filter, int max,
        CancellationToken cancellationToken)
    {
        var hidden = ResourceService.HiddenStatuses.ToList();
        var rows = await (
                from a in db.Set<ResourceAddress>().Where(filter)
                join sl in db.Set<ResourceServiceLocation>() on a.LocationId equals sl.LocationId
                join c in db.Set<ResourceServiceCategory>() on sl.ServiceId equals c.ServiceId
                join s in db.Set<ResourceService>() on sl.ServiceId equals s.Id
                where c.Category == category && (s.Status == null || !hidden.Contains(s.Status))
                orderby s.Name, s.Id, a.Id
                select new { Service = s, Address = a })
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        return rows.DistinctBy(r => r.Service.Id).Take(max)
            .Select(r => Listing(r.Service, r.Address.Display(), national: false)).ToList();
    }

    private async Task<List<ResourceListing>> WithoutLocationAsync(string category, int max, CancellationToken cancellationToken)
    {
        if (max == 0)
            return [];
        var hidden = ResourceService.HiddenStatuses.ToList();
        var services = await db.Set<ResourceService>()
            .Where(s => db.Set<ResourceServiceCategory>().Any(c => c.ServiceId == s.Id && c.Category == category))
            .Where(s => !db.Set<ResourceServiceLocation>().Any(sl => sl.ServiceId == s.Id))
            .Where(s => s.Status == null || !hidden.Contains(s.Status))
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Take(max)
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return services.Select(s => Listing(s, null, national: true)).ToList();
    }

    private static ResourceListing Listing(ResourceService service, string? address, bool national) =>
        new(service.Name, service.Description ?? service.AlternateName ?? "", service.Phone, null, service.Url,
            string.IsNullOrWhiteSpace(address) ? null : address, service.Hours, national);
}
