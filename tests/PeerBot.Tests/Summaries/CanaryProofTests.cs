using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeerBot.Conversations;
using PeerBot.Data;
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
    public async Task NotOptedIn_FullConversation_AfterGracePeriod_NoCanaryOrItsCipherTextOnDisk(string provider)
    {
        await using var app = new PeerBotApp(ShortRetention, provider: provider);
        var canary = "cnry" + Guid.NewGuid().ToString("N")[..20];
        var client = new ActivityBuilder("sms");

        // During the live handoff the peer API returned the canary decrypted (asserted inside); these are the
        // encrypted rows it came from, and they decrypt to the canary.
        var live = await RunFullConversationAsync(app, client, canary, note: "talked it through");
        var key = await app.KeyOfAsync(client);
        var stored = await CipherTextsAsync(app, key);
        var ciphers = live.Union(stored, StringComparer.Ordinal).ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var transcripts = scope.ServiceProvider.GetRequiredService<TranscriptStore>();
            Assert.Contains(stored, c => transcripts.Unprotect(c).Contains(canary, StringComparison.Ordinal));
        }

        // Before the grace period the cipher text is on disk: the searches below can find it.
        if (provider == "Sqlite")
            Assert.All(stored, c => Assert.True(SqliteFilesContain(app, c), "stored cipher text found in the .db/-wal files"));
        else
            Assert.Contains("HandoffTranscript.Cipher", await PostgresRowsContainingAsync(app, [.. stored]));

        await AfterGracePeriodAsync(app);

        Assert.Equal(0, await app.CountAsync<TranscriptEntry>(key));
        Assert.Empty(await CipherTextsAsync(app, key));
        string[] needles = [canary, .. ciphers];
        if (provider == "Sqlite")
            await Eventually.TrueAsync(() => Task.FromResult(!needles.Any(n => SqliteFilesContain(app, n))),
                "neither the canary nor its cipher text left in the .db and -wal files (freed pages, old WAL frames)");
        else
            Assert.Empty(await PostgresRowsContainingAsync(app, needles));
        Assert.DoesNotContain(app.Logs.Records, r => r.Contains(canary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The encrypted transcript and context-buffer lines held for the conversation, as stored.</summary>
    internal static Task<List<string>> CipherTextsAsync(PeerBotApp app, string key) =>
        app.WithDbAsync(async db => (List<string>)
        [
            .. await db.Set<TranscriptEntry>().AsNoTracking().Where(e => e.ConversationKey == key).Select(e => e.Cipher).ToListAsync(),
            .. await ContextCipherTextsAsync(db, key),
        ]);

    /// <summary>The conversation's context-buffer lines (in its row), as stored.</summary>
    internal static async Task<List<string>> ContextCipherTextsAsync(PeerBotDb db, string key) =>
        TimedLines.Read(await db.Set<ConversationRecord>().AsNoTracking().Where(c => c.Key == key).Select(c => c.ContextBuffer)
            .FirstOrDefaultAsync()).Select(l => l.Text).ToList();

    /// <summary>
    /// check-in, coping, crisis, handoff with relay, close. Returns the cipher texts stored while the handoff was live
    /// (after the peer API showed the canary decrypted).
    /// </summary>
    internal static async Task<List<string>> RunFullConversationAsync(PeerBotApp app, ActivityBuilder client, string canary, string note)
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
        var live = await CipherTextsAsync(app, handoff.ConversationKey);
        Assert.NotEmpty(live);
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
        return live;
    }

    internal static async Task AfterGracePeriodAsync(PeerBotApp app)
    {
        for (var i = 0; i < 62; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }
        Assert.Empty(await app.WithDbAsync(db => db.Set<HandoffRequest>().Where(h => h.State != HandoffState.Closed).ToListAsync()));
        await Eventually.TrueAsync(async () => await app.WithDbAsync(async db =>
                !await db.Set<TranscriptEntry>().AnyAsync() && !await db.Set<ConversationRecord>().AnyAsync(c => c.ContextBuffer != null)),
            "transcripts and context buffers swept");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    internal static bool SqliteFilesContain(PeerBotApp app, string needle)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        // The log before the database file: a checkpoint between the two reads moves pages from the log into the
        // file, so a live row is seen in one of them whatever the timing (file first could miss it).
        foreach (var path in new[] { app.DatabasePath + "-wal", app.DatabasePath, app.DatabasePath + "-journal" })
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

    /// <summary>Every text, json and bytea column of every table, as text, searched for any of the needles.</summary>
    internal static async Task<List<string>> PostgresRowsContainingAsync(PeerBotApp app, params string[] needles)
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
            command.CommandText = $"""
                SELECT COUNT(*) FROM "{table}" t
                WHERE EXISTS (SELECT 1 FROM unnest(@needles) n
                              WHERE position(n in encode(convert_to(t."{column}"::text, 'UTF8'), 'escape')) > 0)
                """;
            command.Parameters.AddWithValue("needles", needles);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                hits.Add($"{table}.{column}");
        }
        return hits;
    }
}
