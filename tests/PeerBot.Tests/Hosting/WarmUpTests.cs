using System.Net;
using Microsoft.Data.Sqlite;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Hosting;

/// <summary>
/// The start-up warm-up runs synthetic conversations through a private copy of the service before the real one
/// listens. It must leave nothing behind (the copy's database is its own, and is deleted), and a warm-up that cannot
/// run must not keep the service from starting. Real processes: the order of start-up is the point.
/// </summary>
public sealed class WarmUpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peerbot-warm-up-tests", Guid.NewGuid().ToString("N"));

    public WarmUpTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task WarmUp_RunsBeforeTheServerListens_AndLeavesNoRowAndNoFileBehind()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        Dictionary<string, long> warmed, cold;
        string output;
        await using (var process = await PeerBotProcess.StartAsync(new Dictionary<string, string>
        {
            ["PeerBot:WarmUp:Enabled"] = "true",
            ["TMPDIR"] = temp,
        }))
        {
            output = process.Output;
            warmed = RowCounts(process.DatabasePath);
        }
        await using (var process = await PeerBotProcess.StartAsync())
            cold = RowCounts(process.DatabasePath);

        var warmUp = output.IndexOf("Warm-up: ", StringComparison.Ordinal);
        var listening = output.IndexOf("Now listening on", StringComparison.Ordinal);
        Assert.True(warmUp >= 0, output);
        Assert.True(listening > warmUp, "the server listened before the warm-up ended:\n" + output);
        Assert.Contains(" synthetic turns (0 failed)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Warm-up: 0 synthetic", output, StringComparison.Ordinal);

        // Every table holds exactly what a start without warm-up leaves (schema, key ring, demo accounts): no
        // conversation, delivery, handoff, outbox row or audit entry of the synthetic turns reached this database.
        Assert.Contains("Conversations", warmed.Keys);
        Assert.Equal(cold, warmed);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp, "peerbot-warm-up-*"));
    }

    [Fact]
    public async Task WarmUp_ThatCannotRun_IsLogged_AndTheServiceStartsAnyway()
    {
        // The copy's database goes under the temp path; a temp path under a file cannot be created.
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        await using var process = await PeerBotProcess.StartAsync(new Dictionary<string, string>
        {
            ["PeerBot:WarmUp:Enabled"] = "true",
            ["TMPDIR"] = Path.Combine(file, "tmp"),
        });

        Assert.True(process.Output.Contains("Warm-up failed (DirectoryNotFoundException); the service starts without it", StringComparison.Ordinal), process.Output);
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }

    private static Dictionary<string, long> RowCounts(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }
}
