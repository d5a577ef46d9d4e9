using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Data;
using PeerBot.Summaries;

namespace PeerBot.Benchmarks.Summaries;

/// <summary>
/// Issue 6: building a summary never adds to reply latency. One client turn (POST /api/messages through the real
/// pipeline, SQLite) for clients who opted in to summaries and for clients who did not. In both cases the clock
/// jumps past the episode inactivity every 250 ms; for opted-in clients every jump ends their episodes, and the
/// privacy sweeper (every second) builds, redacts and encrypts their summaries while the turns are measured.
/// Cleanup prints how many summaries were built during the run, and fails an opted-in run that built none.
/// </summary>
[ShortRunJob]
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

    [Params(false, true)]
    public bool OptedIn { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = new SummaryTurnHost();
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
            Console.WriteLine($"// summaries built during the run (opted in: {OptedIn}): {summaries}");
            if (OptedIn && summaries == 0)
                throw new InvalidOperationException("No summary was built during the opted-in run: the comparison would be empty.");
            if (!OptedIn && summaries != 0)
                throw new InvalidOperationException("Summaries were built for clients who did not opt in.");
        }
        _channel.Dispose();
        await _host.DisposeAsync();
        _stop.Dispose();
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
