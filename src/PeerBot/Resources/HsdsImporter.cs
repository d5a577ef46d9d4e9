using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Resources;

/// <summary>
/// Imports an HSDS folder into the database in one transaction. Records are keyed by their HSDS ids, so a
/// re-import updates rows instead of adding copies; a service's categories are replaced by the new mapping.
/// Bad records are reported and skipped; the good ones are saved.
/// </summary>
public sealed class HsdsImporter(PeerBotDb db, CategoryMap map, TimeProvider clock, ILogger<HsdsImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"HSDS folder not found: {folder}");

        var tables = HsdsFolderReader.Read(folder);
        var model = HsdsModel.Build(tables, map, clock.GetUtcNow());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.Organizations, o => o.Id, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.Locations, l => l.Id, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.Services, s => s.Id, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.Addresses, a => a.Id, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.ServiceLocations, s => s.Id, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(model.Phones, p => p.Id, cancellationToken).ConfigureAwait(false);

        var serviceIds = model.Services.Select(s => s.Id).ToList();
        await db.Set<ResourceServiceCategory>().Where(c => serviceIds.Contains(c.ServiceId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Set<ResourceServiceCategory>().AddRange(model.Categories);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        var report = new ImportReport(model.Organizations.Count, model.Services.Count, model.Locations.Count,
            model.Addresses.Count, model.ServiceLocations.Count, model.Phones.Count,
            model.Categories.Select(c => c.ServiceId).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            model.Issues, tables.SkippedFiles);
        ResourceLog.Imported(logger, report.Services, report.Locations, report.CategorizedServices, report.Errors.Count);
        return report;
    }

    private async Task UpsertAsync<T>(List<T> incoming, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        var ids = incoming.Select(key).ToList();
        var set = db.Set<T>();
        var existing = (await set.Where(e => ids.Contains(EF.Property<string>(e, "Id")))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(key, StringComparer.OrdinalIgnoreCase);
        foreach (var entity in incoming)
        {
            if (existing.TryGetValue(key(entity), out var current))
                db.Entry(current).CurrentValues.SetValues(entity);
            else
                set.Add(entity);
        }
    }
}
