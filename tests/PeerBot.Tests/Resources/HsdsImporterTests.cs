using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

public sealed class HsdsImporterTests
{
    private const string CounsellingId = "ac148810-d857-441c-9679-408f346de14b";

    [Fact]
    public async Task Import_HsdsV30Fixture_ImportsEveryRecordOnceWithoutErrors()
    {
        await using var host = await ResourceTestHost.StartAsync();

        var report = await host.ImportAsync(ResourcePaths.HsdsV30);

        Assert.Empty(report.Errors);
        // The CSV, the tabular JSON and the API JSON examples describe the same records: each is stored once.
        Assert.Equal((1, 1, 1, 1, 1, 1), (report.Organizations, report.Services, report.Locations, report.Addresses,
            report.ServiceLocations, report.Phones));
        Assert.Single(await host.AllAsync<ResourceService>());
        Assert.Single(await host.AllAsync<ResourceAddress>());
        Assert.Contains("schema/openapi.json", report.SkippedFiles);
        Assert.Contains("schema/service.json", report.SkippedFiles);
    }

    [Fact]
    public async Task Import_HsdsV30Fixture_MapsCounsellingToTreatmentWithPhoneAndHours()
    {
        await using var host = await ResourceTestHost.StartAsync();

        await host.ImportAsync(ResourcePaths.HsdsV30);

        var service = Assert.Single(await host.AllAsync<ResourceService>());
        Assert.Equal((CounsellingId, "Community Counselling"), (service.Id, service.Name));
        // Upstream quotes the number inside the cell; the listing gets the bare number.
        Assert.Equal("+44 1234 234567 ext. 100", service.Phone);
        Assert.StartsWith("The service is available from 10 am to 6pm weekdays.", service.Hours, StringComparison.Ordinal);
        var category = Assert.Single(await host.AllAsync<ResourceServiceCategory>());
        Assert.Equal((CounsellingId, ResourceCategories.Treatment), (category.ServiceId, category.Category));
        Assert.StartsWith("keyword", category.Reason, StringComparison.Ordinal);
        var address = Assert.Single(await host.AllAsync<ResourceAddress>());
        Assert.Equal(("mycity", null), (address.CityKey, address.Zip5));
    }

    [Fact]
    public async Task Import_EachFixtureFormatAlone_GivesTheSameService()
    {
        foreach (var format in new[] { "csv", "json" })
        {
            await using var host = await ResourceTestHost.StartAsync();

            var report = await host.ImportAsync(Path.Combine(ResourcePaths.HsdsV30, format));

            Assert.Empty(report.Errors);
            var service = Assert.Single(await host.AllAsync<ResourceService>());
            Assert.Equal(("Community Counselling", "+44 1234 234567 ext. 100"), (service.Name, service.Phone));
            Assert.Equal(ResourceCategories.Treatment, Assert.Single(await host.AllAsync<ResourceServiceCategory>()).Category);
        }
    }

    [Fact]
    public async Task Import_SameFolderTwice_AddsNoDuplicates()
    {
        await using var host = await ResourceTestHost.StartAsync();

        var first = await host.ImportAsync(ResourcePaths.Sample);
        var second = await host.ImportAsync(ResourcePaths.Sample);

        Assert.Equal(first with { Errors = [], SkippedFiles = [] }, second with { Errors = [], SkippedFiles = [] });
        Assert.Equal(7, (await host.AllAsync<ResourceService>()).Count);
        Assert.Equal(4, (await host.AllAsync<ResourceAddress>()).Count);
        Assert.Equal(6, (await host.AllAsync<ResourceServiceLocation>()).Count);
        Assert.Equal(7, (await host.AllAsync<ResourceServiceCategory>()).Count);
    }

    [Fact]
    public async Task Import_ChangedRecord_UpdatesItAndReplacesItsCategories()
    {
        await using var host = await ResourceTestHost.StartAsync();
        await host.ImportAsync(ResourcePaths.Sample);
        var copy = ResourcePaths.CopyToTemp(ResourcePaths.Sample, host.Folder);
        var services = Path.Combine(copy, "services.csv");
        File.WriteAllText(services, File.ReadAllText(services)
            .Replace("Recovery Legal Aid Clinic,,Expungement and legal aid for people in recovery.",
                "Recovery Ride Program,,Free rides to appointments.", StringComparison.Ordinal));

        await host.ImportAsync(copy);

        var all = await host.AllAsync<ResourceService>();
        Assert.Equal(7, all.Count);
        Assert.Contains(all, s => s.Name == "Recovery Ride Program");
        Assert.DoesNotContain(all, s => s.Name == "Recovery Legal Aid Clinic");
        var categories = (await host.AllAsync<ResourceServiceCategory>())
            .Where(c => c.ServiceId == "5e1c0a1e-2b02-4b7f-8b20-000000000007").Select(c => c.Category);
        Assert.Equal([ResourceCategories.Transportation], categories);
    }

    [Fact]
    public async Task Import_Sample_MapsByTaxonomyCodeAndKeywords()
    {
        await using var host = await ResourceTestHost.StartAsync();

        await host.ImportAsync(ResourcePaths.Sample);

        var categories = (await host.AllAsync<ResourceServiceCategory>()).ToDictionary(c => (c.ServiceId[^1], c.Category), c => c.Reason);
        Assert.Equal("taxonomy BD-", categories[('2', ResourceCategories.Food)]);
        Assert.Equal("keyword 'naloxone'", categories[('3', ResourceCategories.HarmReduction)]);
        Assert.Equal("keyword 'housing'", categories[('4', ResourceCategories.Housing)]);
        Assert.Equal("keyword 'peer support'", categories[('5', ResourceCategories.Meetings)]);
    }

    [Fact]
    public async Task Import_HsdsV11Sample_ImportsLegacyTableNames()
    {
        await using var host = await ResourceTestHost.StartAsync();

        var report = await host.ImportAsync(ResourcePaths.HsdsV11);

        Assert.Equal(13, report.Services);
        Assert.True(report.ServiceLocations > 0);
        var services = await host.AllAsync<ResourceService>();
        var categories = await host.AllAsync<ResourceServiceCategory>();
        var helpline = services.Single(s => s.Name == "Never Homeless Helpline");
        Assert.Contains(categories, c => c.ServiceId == helpline.Id && c.Category == ResourceCategories.Housing);
    }
}
