using Microsoft.Data.Sqlite;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class KeyRingCheckTests
{
    [Fact]
    public async Task StartUp_KeyRingReplaced_FailsLoudly()
    {
        await using var first = new PeerBotApp();
        var client = new ActivityBuilder();
        await first.OptInAsync(client);
        var path = await SnapshotAsync(first);

        // Another database's (foreign) key ring takes this one's place, as after a bad restore.
        await using var other = new PeerBotApp();
        using (other.CreateClient()) { }
        string foreignXml;
        await using (var raw = new SqliteConnection($"Data Source={other.DatabasePath}"))
        {
            await raw.OpenAsync();
            await using var read = raw.CreateCommand();
            read.CommandText = "SELECT Xml FROM DataProtectionKeys LIMIT 1";
            foreignXml = (string)(await read.ExecuteScalarAsync())!;
        }
        await ReplaceKeysAsync(path, foreignXml);

        await using var restarted = new PeerBotApp(new Dictionary<string, string?> { ["ConnectionStrings:PeerBot"] = $"Data Source={path}" });
        var error = Assert.ThrowsAny<Exception>(() => restarted.CreateClient());
        Assert.Contains("key ring", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartUp_KeyRingCorrupt_FailsLoudly()
    {
        await using var first = new PeerBotApp();
        using (first.CreateClient()) { }
        var path = await SnapshotAsync(first);
        await ReplaceKeysAsync(path, "<key id=\"not-a-guid\"><garbage/></key>");

        await using var restarted = new PeerBotApp(new Dictionary<string, string?> { ["ConnectionStrings:PeerBot"] = $"Data Source={path}" });
        var error = Assert.ThrowsAny<Exception>(() => restarted.CreateClient());
        Assert.Contains("key ring", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartUp_SameKeyRing_Restarts()
    {
        await using var first = new PeerBotApp();
        using (first.CreateClient()) { }
        var path = await SnapshotAsync(first);
        await using var restarted = new PeerBotApp(new Dictionary<string, string?> { ["ConnectionStrings:PeerBot"] = $"Data Source={path}" });
        using var http = restarted.CreateClient();
        Assert.NotNull(http);
    }

    /// <summary>A consistent copy of the app's database (WAL checkpointed first), in a folder the test owns.</summary>
    private static async Task<string> SnapshotAsync(PeerBotApp app)
    {
        await using (var raw = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await raw.OpenAsync();
            await using var checkpoint = raw.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var folder = Directory.CreateTempSubdirectory("peerbot-keyring-");
        var copy = Path.Combine(folder.FullName, "peerbot.db");
        File.Copy(app.DatabasePath, copy);
        return copy;
    }

    private static async Task ReplaceKeysAsync(string path, string xml)
    {
        await using var raw = new SqliteConnection($"Data Source={path}");
        await raw.OpenAsync();
        await using var update = raw.CreateCommand();
        update.CommandText = "UPDATE DataProtectionKeys SET Xml = $xml";
        update.Parameters.AddWithValue("$xml", xml);
        Assert.NotEqual(0, await update.ExecuteNonQueryAsync());
        SqliteConnection.ClearAllPools();
    }
}
