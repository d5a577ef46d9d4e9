using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeerBot.BotFramework;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Resources;
using PeerBot.Safety;
using PeerBot.Scheduling;
using PeerBot.Summaries;

namespace PeerBot.Benchmarks.Scheduling;

/// <summary>
/// Plans and dispatches N due check-ins (Teams cards) through the real scheduler, outbox rows and Bot Connector
/// client to a loopback HTTP sink, on SQLite. One operation = every due check-in sent. Prints sends/s and the peak
/// managed heap seen while it ran.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MemoryDiagnoser]
public class ScheduledDispatchBenchmark : IDisposable
{
    private WebApplication _app = null!;
    private LoopbackSink _sink = null!;
    private string _folder = null!;
    private long _peakHeap;
    private long _startHeap;
    private Stopwatch _watch = null!;
    private CancellationTokenSource _sampler = null!;
    private Task _sampling = Task.CompletedTask;

    /// <summary>"100000/0": 100,000 check-ins, pacing off. "5000/1000": 5,000 at 1,000 sends/s.</summary>
    [Params("100000/0", "5000/1000")]
    public string Case { get; set; } = "100000/0";

    private int Count => int.Parse(Case.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
    private string Rate => Case.Split('/')[1];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _sink = await LoopbackSink.StartAsync();
        _folder = Directory.CreateTempSubdirectory("peerbot-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:PeerBot"] = $"Data Source={Path.Combine(_folder, "bench.db")}";
        builder.Configuration["PeerBot:Scheduling:Enabled"] = "false";
        builder.Configuration["PeerBot:Scheduling:MaxSendsPerSecond"] = Rate;
        builder.Configuration["PeerBot:Scheduling:BatchSize"] = "1000";
        builder.Configuration["PeerBot:Scheduling:SendConcurrency"] = "32";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPeerBotData();
        builder.Services.AddBotFramework(builder.Configuration, builder.Environment);
        builder.Services.AddSafety().AddDialogs().AddHandoff().AddChannels().AddConversations();
        builder.Services.AddResources(builder.Configuration).AddSummaries(); // the turn pipeline's dependencies
        builder.Services.AddScheduling();
        _app = builder.Build();

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.EnsureCreatedAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < Count; i++)
        {
            var key = $"cv_bench{i:D8}";
            var reference = new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _sink.Url,
                Conversation = new ConversationAccount { Id = $"a:conv{i}", ConversationType = "personal", TenantId = "tenant" },
                User = new ChannelAccount { Id = $"29:user{i}" },
                Bot = new ChannelAccount { Id = "28:bot" },
            };
            db.Add(new ConversationRecord
            {
                Key = key, ChannelHash = ConversationKeys.ChannelHash("msteams", reference.Conversation.Id), ChannelId = "msteams",
                ReferenceJson = JsonSerializer.Serialize(reference, BotJson.Options), CreatedAt = now, LastActivityAt = now,
            });
            db.Add(new ClientSchedule { ConversationKey = key, QuietStartMinutes = 0, QuietEndMinutes = 0 });
            db.Add(new ScheduleEntry
            {
                Id = Guid.NewGuid(), ConversationKey = key, Kind = ScheduleKind.CheckIn, LocalMinutes = 9 * 60,
                TimeZoneId = "Etc/UTC", NextRunAt = now, CreatedAt = now,
            });
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }

    [IterationSetup]
    public void MakeAllDue()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var due = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1);
        db.Set<ScheduleEntry>().ExecuteUpdate(s => s.SetProperty(e => e.NextRunAt, due).SetProperty(e => e.Active, true));
        GC.Collect();
        _startHeap = GC.GetTotalMemory(true);
        _peakHeap = _startHeap;
        _sampler = new CancellationTokenSource();
        _sampling = Task.Run(async () =>
        {
            while (!_sampler.IsCancellationRequested)
            {
                var heap = GC.GetTotalMemory(false);
                if (heap > Interlocked.Read(ref _peakHeap))
                    Interlocked.Exchange(ref _peakHeap, heap);
                await Task.Delay(50);
            }
        });
        _watch = Stopwatch.StartNew();
    }

    [Benchmark]
    public int PlanAndDispatchDueCheckIns()
    {
        var result = _app.Services.GetRequiredService<ScheduleDispatcher>().RunDueAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (result.Sent != Count)
            throw new InvalidOperationException($"Sent {result.Sent} of {Count}");
        return result.Sent;
    }

    [IterationCleanup]
    public void Report()
    {
        _watch.Stop();
        _sampler.Cancel();
        _sampling.GetAwaiter().GetResult();
        Console.WriteLine(
            $"// SCHEDULER {Case}: {Count} sends in {_watch.Elapsed.TotalSeconds:F2} s = {Count / _watch.Elapsed.TotalSeconds:F0} sends/s; " +
            $"managed heap start {_startHeap / 1048576.0:F1} MB, peak {_peakHeap / 1048576.0:F1} MB; sink total {_sink.Received}");
    }

    public void Dispose()
    {
        _sampler?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
