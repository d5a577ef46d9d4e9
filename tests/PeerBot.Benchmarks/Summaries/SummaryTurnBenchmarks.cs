using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Data;
using PeerBot.Summaries;

namespace PeerBot.Benchmarks.Summaries;

/// <summary>
/// Issue 6: building a summary never adds to reply latency. One client turn (POST /api/messages through the real
/// pipeline, SQLite) for three kinds of client: not opted in; opted in (the turn records the episode, encrypted);
/// opted in while their summaries are being built. The clock jumps 61 s every 250 ms in every case; in the last
/// case episodes end after a minute, so every jump ends them and the privacy sweeper (every second) builds,
/// redacts and encrypts summaries while the turns are measured (in the others episodes last 7 days). Cleanup
/// writes how many summaries were built (to peerbot-summary-turn-benchmark.txt in the temp folder) and fails a run
/// whose count contradicts its case.
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
[MemoryDiagnoser]
public class SummaryTurnBenchmarks
{
    private const int Clients = 40;
    private SummaryTurnHost _host = null!;
    private HttpClient _channel = null!;
    private CancellationTokenSource _stop = null!;
    private Task _ager = Task.CompletedTask;
    private string[] _conversations = [];
    private int _turn;

    public enum Client
    {
        NotOptedIn = 0,
        OptedIn = 1,
        OptedInWhileSummarizing = 2,
    }

    [ParamsAllValues]
    public Client Case { get; set; }

    private bool OptedIn => Case != Client.NotOptedIn;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = new SummaryTurnHost(Case == Client.OptedInWhileSummarizing ? TimeSpan.FromMinutes(1) : TimeSpan.FromDays(7));
        _channel = _host.CreateClient();
        _conversations = Enumerable.Range(0, Clients).Select(i => $"bench-{i:D4}-{Guid.NewGuid():N}"[..24]).ToArray();
        foreach (var conversation in _conversations)
        {
            await _host.PostAsync(_channel, conversation, "hi");
            if (OptedIn)
            {
                await _host.PostAsync(_channel, conversation, "privacy");
                await _host.PostAsync(_channel, conversation, "yes");
            }
        }
        _stop = new CancellationTokenSource();
        _ager = AgeAsync(_stop.Token);
    }

    [Benchmark]
    public Task ClientTurnAsync()
    {
        var conversation = _conversations[Interlocked.Increment(ref _turn) % Clients];
        return _host.PostAsync(_channel, conversation, "hello again");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _stop.CancelAsync();
        await _ager;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            var summaries = await db.Set<ClientSummary>().CountAsync();
            Report($"{Case}: {summaries} summaries built during the run");
            if ((Case == Client.OptedInWhileSummarizing) != (summaries > 0))
                throw new InvalidOperationException($"{Case}: {summaries} summaries built; the comparison would be wrong.");
        }
        _channel.Dispose();
        await _host.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>BenchmarkDotNet's in-process runner does not show this process's console: results go to a file too.</summary>
    private static void Report(string line)
    {
        Console.WriteLine("// " + line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "peerbot-summary-turn-benchmark.txt"), line + System.Environment.NewLine);
    }

    private async Task AgeAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                _host.Clock.Skip(TimeSpan.FromSeconds(61));
        }
        catch (OperationCanceledException)
        {
            // stopped by cleanup
        }
    }
}

/// <summary>
/// BenchmarkDotNet's short run, in the benchmark process, with 10 iterations of 20 turns, so that one slow turn on
/// a busy machine does not decide the result.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    public InProcessShortRunConfig() => AddJob(Job.ShortRun
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithIterationCount(10)
        .WithInvocationCount(20)
        .WithUnrollFactor(1));
}
