using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerBot.Data;
using PeerBot.Summaries;

namespace PeerBot.Benchmarks.Summaries;

/// <summary>
/// Issue 6: purging 100,000 expired summaries on SQLite must take at most 10 s. Each iteration gets a fresh file
/// holding 100,000 expired and 1,000 live summaries; the measured call is the real <see cref="PrivacySweeper.PurgeAsync"/>.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class SummaryPurgeBenchmarks : IDisposable
{
    private const int Expired = 100_000;
    private string _folder = "";
    private SqlitePeerBotDb? _db;
    private PrivacySweeper? _sweeper;

    [IterationSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("peerbot-purge-").FullName;
        var options = new DbContextOptionsBuilder<SqlitePeerBotDb>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "purge.db")}").Options;
        _db = new SqlitePeerBotDb(options);
        _db.Database.Migrate();
        _db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var now = TimeProvider.System.GetUtcNow();
        var old = now.AddDays(-200);
        using (var tx = _db.Database.BeginTransaction())
        {
            for (var i = 0; i < Expired + 1_000; i++)
            {
                _db.Add(new ClientSummary
                {
                    ConversationKey = "cv_" + (i % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ChannelId = "sms",
                    EpisodeStartedAt = old,
                    EpisodeEndedAt = old,
                    CreatedAt = i < Expired ? old : now,
                    MaxTier = "none",
                    Cipher = new string('x', 600),
                });
                if (i % 10_000 == 0)
                {
                    _db.SaveChanges();
                    _db.ChangeTracker.Clear();
                }
            }
            _db.SaveChanges();
            tx.Commit();
        }
        _db.ChangeTracker.Clear();
        _sweeper = new PrivacySweeper(_db, new PeerBot.Conversations.ConversationLocks(), null!, null!, null!, new DeletedContentScrubber(),
            Options.Create(new SummaryOptions()), TimeProvider.System, NullLogger<PrivacySweeper>.Instance);
    }

    [Benchmark]
    public async Task<int> Purge100kExpired()
    {
        var purged = await _sweeper!.PurgeAsync(CancellationToken.None);
        if (purged != Expired)
            throw new InvalidOperationException($"Purged {purged}, expected {Expired}.");
        return purged;
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _db?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}
