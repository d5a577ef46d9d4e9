using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

/// <summary>
/// The privacy proof (issue 6): a whole conversation with a unique canary in every client message leaves no trace
/// of it on disk once the transcript grace period is over, for a client who did not opt in.
/// </summary>
public sealed class CanaryProofTests
{
    public static Dictionary<string, string?> ShortRetention => new()
    {
        ["PeerBot:Privacy:TranscriptGracePeriod"] = "01:00:00",
        ["PeerBot:Privacy:ContextRetention"] = "01:00:00",
        ["PeerBot:Privacy:SweepInterval"] = "00:01:00",
        ["PeerBot:Summaries:SweepInterval"] = "00:01:00",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NotOptedIn_FullConversation_AfterGracePeriod_NoCanaryOnDiskOrInLogs(string provider)
    {
        await using var app = new PeerBotApp(ShortRetention, provider: provider);
        var canary = "cnry" + Guid.NewGuid().ToString("N")[..20];
        var client = new ActivityBuilder("sms");

        await RunFullConversationAsync(app, client, canary, note: "talked it through");

        // Before the grace period the content is still there (encrypted): the check below can fail.
        Assert.NotEqual(0, await app.WithDbAsync(db => db.Set<TranscriptEntry>().CountAsync()));
        await AfterGracePeriodAsync(app);

        if (provider == "Sqlite")
            await Eventually.TrueAsync(() => Task.FromResult(!SqliteFilesContain(app, canary)), "canary gone from the .db and -wal files");
        else
            Assert.Empty(await PostgresRowsContainingAsync(app, canary));
        Assert.DoesNotContain(app.Logs.Records, r => r.Contains(canary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>check-in, coping, crisis, handoff with relay, close.</summary>
    internal static async Task RunFullConversationAsync(PeerBotApp app, ActivityBuilder client, string canary, string note)
    {
        await app.SayAsync(client, $"hi there {canary}");
        await app.SayAsync(client, $"Check in {canary} mood is 4");
        await app.SayAsync(client, $"Coping ideas {canary}");
        await app.SayAsync(client, $"{canary} I want to kill myself");
        var handoff = await app.HandoffOfAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (var claimed = await peer.ClaimAsync(handoff.Id))
            claimed.EnsureSuccessStatusCode();
        await app.SayAsync(client, $"thank you for coming {canary}");
        using (await peer.SayAsync(handoff.Id, "I'm here with you")) { }
        Assert.Contains(await peer.TranscriptAsync(handoff.Id), l => l.GetProperty("text").GetString()!.Contains(canary, StringComparison.Ordinal));
        using (var closed = await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, note))
            closed.EnsureSuccessStatusCode();
        await app.SayAsync(client, $"yes {canary}");
        await app.SayAsync(client, $"bye {canary}");
        // The client's last words may open another request (post-crisis follow-up): a peer closes it too.
        var key = await app.KeyOfAsync(client);
        var open = await app.WithDbAsync(db => db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.ConversationKey == key && h.State != HandoffState.Closed).ToListAsync());
        foreach (var last in open)
        {
            using (await peer.ClaimAsync(last.Id)) { }
            using (var again = await peer.CloseAsync(last.Id, HandoffOutcomes.Resolved, note))
                again.EnsureSuccessStatusCode();
        }
    }

    internal static async Task AfterGracePeriodAsync(PeerBotApp app)
    {
        for (var i = 0; i < 62; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }
        Assert.Empty(await app.WithDbAsync(db => db.Set<HandoffRequest>().Where(h => h.State != HandoffState.Closed).ToListAsync()));
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<TranscriptEntry>().CountAsync()) == 0,
            "transcripts and context buffers swept");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    internal static bool SqliteFilesContain(PeerBotApp app, string needle)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        foreach (var path in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-journal" })
        {
            if (!File.Exists(path))
                continue;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(bytes) >= 0)
                return true;
        }
        return false;
    }

    /// <summary>Every text, json and bytea column of every table, as text, searched for the needle.</summary>
    internal static async Task<List<string>> PostgresRowsContainingAsync(PeerBotApp app, string needle)
    {
        var connectionString = app.Service<IConfiguration>().GetConnectionString("PeerBot")!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'jsonb', 'json', 'character')
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.NotEmpty(columns);
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT COUNT(*) FROM "{table}" WHERE position(@needle in encode(convert_to("{column}"::text, 'UTF8'), 'escape')) > 0""";
            command.Parameters.AddWithValue("needle", needle);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                hits.Add($"{table}.{column}");
        }
        return hits;
    }
}
