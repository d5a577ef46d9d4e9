using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

public sealed class ResourceDirectoryTests
{
    private static async Task<ResourceTestHost> SampleHostAsync()
    {
        var host = await ResourceTestHost.StartAsync();
        await host.ImportAsync(ResourcePaths.Sample);
        return host;
    }

    private static List<string> Local(IReadOnlyList<ResourceListing> listings) =>
        listings.Where(l => !l.National).Select(l => l.Name).ToList();

    [Fact]
    public async Task Search_ExactZip_ReturnsTheServiceThereWithContactDetails()
    {
        await using var host = await SampleHostAsync();

        var listings = await host.SearchAsync("treatment", "97201");

        var detox = Assert.Single(listings, l => !l.National);
        Assert.Equal("Rose City Detox", detox.Name);
        Assert.Equal("503-555-0101", detox.Phone);
        Assert.Equal("100 SW Main St, Portland, OR 97201", detox.Address);
        Assert.Equal("Weekdays 8am to 6pm", detox.Hours);
        Assert.Equal("https://rosecity.example.org/detox", detox.Url);
    }

    [Fact]
    public async Task Search_ZipWithoutExactMatch_FallsBackToTheSameThreeDigitPrefix()
    {
        await using var host = await SampleHostAsync();

        Assert.Equal(["Rose City Detox"], Local(await host.SearchAsync("treatment", "97230")));
        Assert.Equal(["Northwest Community Pantry"], Local(await host.SearchAsync("food", "97205")));
        Assert.Empty(Local(await host.SearchAsync("food", "10001")));
    }

    [Fact]
    public async Task Search_ZipPlusFour_MatchesTheFiveDigitZip()
    {
        await using var host = await SampleHostAsync();

        var pantry = Assert.Single(await host.SearchAsync("food", "97205-9999"), l => !l.National);

        Assert.Equal("503-555-0102", pantry.Phone);          // the location's phone: the service has none
        Assert.Equal("SA 09:00–12:00", pantry.Hours);        // opening times when the schedule has no text
    }

    [Theory]
    [InlineData("San José")]
    [InlineData("san jose")]
    [InlineData("  SAN   JOSE ")]
    [InlineData("San Jose, CA")]
    [InlineData("San Jose, Elsewhere")]   // an unknown state still finds the city
    public async Task Search_City_IsCaseAndAccentInsensitive(string place)
    {
        await using var host = await SampleHostAsync();

        Assert.Equal(["Vivienda de Transición"], Local(await host.SearchAsync("housing", place)));
    }

    [Fact]
    public async Task Search_FixtureCity_FindsTheImportedHsdsService()
    {
        await using var host = await ResourceTestHost.StartAsync();
        await host.ImportAsync(ResourcePaths.HsdsV30);

        var listing = Assert.Single(await host.SearchAsync("treatment", "MYCITY"), l => !l.National);

        Assert.Equal("Community Counselling", listing.Name);
        Assert.Equal("1-30 Main Street, MyCity, MyState ABC 1234", listing.Address);
    }

    [Fact]
    public async Task Search_InactiveService_IsLeftOut()
    {
        await using var host = await SampleHostAsync();

        Assert.DoesNotContain("Old Eastside Detox", (await host.SearchAsync("treatment", "Portland")).Select(l => l.Name));
    }

    [Fact]
    public async Task Search_ServiceWithoutLocation_IsAppendedAsNationalBeforeShippedLines()
    {
        await using var host = await SampleHostAsync();

        var listings = await host.SearchAsync("meetings", "97201");

        Assert.Equal(["Peer Warmline", "Narcotics Anonymous meeting search", "Find A.A. Near You"], listings.Select(l => l.Name));
        Assert.All(listings, l => Assert.True(l.National));
        Assert.Equal("1-800-555-0105", listings[0].Phone);   // the organization's phone
    }

    [Fact]
    public async Task Search_Max_CapsLocalResultsButNeverTheNationalLines()
    {
        await using var host = await SampleHostAsync();

        var all = await host.SearchAsync("legal", "Portland", max: 5);
        var none = await host.SearchAsync("legal", "Portland", max: 0);
        var crisis = await host.SearchAsync("crisis", null, max: 0);

        Assert.Equal(["Recovery Legal Aid Clinic"], Local(all));
        Assert.Empty(none);
        Assert.Equal(host.National.For("crisis", "en"), crisis);
    }

    [Fact]
    public async Task Search_HarmReductionInSpanish_ReturnsLocalThenSpanishNationalLines()
    {
        await using var host = await SampleHostAsync();

        var listings = await host.SearchAsync("Naloxone", "Salem", locale: "es-US");

        Assert.Equal("Free Naloxone Kits", listings[0].Name);
        Assert.Contains(listings, l => l.National && l.Name == "911 (emergencias)");
        Assert.Contains(listings, l => l.National && l.Name == "988 Línea de Prevención del Suicidio y Crisis");
    }

    [Fact]
    public async Task Search_UnknownCategory_ReturnsNothing()
    {
        await using var host = await SampleHostAsync();

        Assert.Empty(await host.SearchAsync("astrology", "97201"));
    }

    [Theory]
    [InlineData("crisis")]
    [InlineData("treatment")]
    [InlineData("meetings")]
    [InlineData("harm-reduction")]
    public async Task Search_EmptyDirectory_StillListsShippedNationalLines(string category)
    {
        await using var host = await ResourceTestHost.StartAsync();

        var listings = await host.SearchAsync(category, "97201");

        Assert.NotEmpty(listings);
        Assert.All(listings, l => Assert.True(l.National));
    }

    [Fact]
    public async Task Search_Crisis_Lists988ByCallAndText()
    {
        await using var host = await ResourceTestHost.StartAsync();

        var listings = await host.SearchAsync("crisis", "anywhere");

        Assert.Contains(listings, l => l.Phone == "988" && l.Sms == "988" && l.Url == "https://988lifeline.org");
        Assert.Contains(listings, l => l.Phone == "911");
        Assert.Contains(listings, l => l.Sms == "741741");
    }
}
