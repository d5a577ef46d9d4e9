using PeerBot.Resources;
using Xunit;

namespace PeerBot.Tests.Resources;

public sealed class HsdsImportErrorTests
{
    private static string BadFolder(string root)
    {
        var folder = Path.Combine(root, "bad");
        Directory.CreateDirectory(Path.Combine(folder, "api"));
        File.WriteAllText(Path.Combine(folder, "services.csv"),
            "id,name,description,status\n" +
            "s-good,Good Detox,\"Detox and\ntreatment\",active\n" +   // a quoted line break: the next row is on line 4
            "s-noname,,Food pantry,active\n" +
            "s-short,Too Few Fields\n" +
            "s-food,Food Bank,Free food,active\n");
        File.WriteAllText(Path.Combine(folder, "service_at_location.csv"),
            "id,service_id,location_id,description\n" +
            "sal-1,s-missing,l-missing,\n");
        File.WriteAllText(Path.Combine(folder, "api", "broken.json"), "{\n  \"id\": \"x\",\n  \"name\": oops\n}\n");
        File.WriteAllText(Path.Combine(folder, "api", "service.json"),
            """{ "id": "s-json", "name": "Legal Aid Line", "status": "active", "phones": [ { "id": "p-1" } ] }""");
        return folder;
    }

    [Fact]
    public async Task Import_BadRecords_ReportsFileLineAndFieldAndSavesTheGoodOnes()
    {
        await using var host = await ResourceTestHost.StartAsync();

        var report = await host.ImportAsync(BadFolder(host.Folder));

        var errors = report.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("services.csv:4: services.name: name is required", errors);
        Assert.Contains(errors, e => e.StartsWith("services.csv:5: services: expected 4 fields", StringComparison.Ordinal));
        Assert.Contains("service_at_location.csv:2: service_at_location.service_id: no valid service with this id in the import", errors);
        Assert.Contains(errors, e => e.StartsWith("api/broken.json:3: ", StringComparison.Ordinal) && e.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains("api/service.json: $.phones[0].number: number is required", errors);
        Assert.Equal(["Food Bank", "Good Detox", "Legal Aid Line"],
            (await host.AllAsync<ResourceService>()).Select(s => s.Name).Order());
        Assert.Equal(3, report.Services);
    }

    [Fact]
    public async Task Import_MissingFolder_Throws()
    {
        await using var host = await ResourceTestHost.StartAsync();

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => host.ImportAsync(Path.Combine(host.Folder, "nope")));
    }

    [Fact]
    public void CsvParse_QuotedFieldsAndLineBreaks_KeepsStartLines()
    {
        var issues = new List<ImportIssue>();

        var records = HsdsCsvReader.Parse(new StringReader("a,b\r\n\"x\"\"y\",\"1\n2\"\n3,4"), "t.csv", issues);

        Assert.Empty(issues);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["x\"y", "1\n2"], records[1].Fields);
    }

    [Fact]
    public void CsvParse_UnclosedQuote_ReportsTheLineItStarts()
    {
        var issues = new List<ImportIssue>();

        HsdsCsvReader.Parse(new StringReader("a,b\n1,2\n\"open,3\n"), "t.csv", issues);

        Assert.Equal("t.csv:3: csv: a quoted field is not closed before the end of the file", Assert.Single(issues).ToString());
    }
}
