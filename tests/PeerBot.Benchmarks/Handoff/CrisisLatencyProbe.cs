using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// Per-conversation latency of issue 5's speed goal: from the POST of a crisis message to the first console event
/// (server-sent events) that names the handoff it opened. A console stream stays connected; each round posts
/// <see cref="Conversations"/> crisis messages at once on new conversations, and each conversation's latency is
/// the time from its own POST to the event for its handoff. Used by <see cref="CrisisToConsoleBenchmarks"/> and
/// by the <c>handoff-latency</c> quick mode.
/// </summary>
public sealed class CrisisLatencyProbe : IDisposable
{
    private readonly ConcurrentDictionary<Guid, long> _firstSeen = new();
    private readonly List<double> _latencies = [];
    private readonly CancellationTokenSource _stop = new();
    private HandoffBenchHost _host = null!;
    private HttpClient _channel = null!;
    private HttpClient _console = null!;
    private Task _reader = Task.CompletedTask;

    public int Conversations { get; init; } = 50;

    /// <summary>
    /// Unmeasured rounds of <see cref="Conversations"/> before the measured ones: 3, or
    /// <c>PEERBOT_BENCH_WARMUP_ROUNDS</c> (0 measures the first burst after a cold start).
    /// </summary>
    public static int WarmUpRounds =>
        int.TryParse(Environment.GetEnvironmentVariable("PEERBOT_BENCH_WARMUP_ROUNDS"), out var rounds) && rounds >= 0 ? rounds : 3;

    public IReadOnlyList<double> LatenciesMs => _latencies;

    public void Start()
    {
        _host = new HandoffBenchHost();
        _channel = _host.CreateClient();
        _console = _host.SignInAsync("peer1@demo.local").GetAwaiter().GetResult();
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reader = Task.Run(() => ConsoleEventReader.ReadAsync(_console, connected, (id, at) => _firstSeen.TryAdd(id, at), _stop.Token));
        connected.Task.Wait(TimeSpan.FromSeconds(30));
        // Warm-up, not measured: three full rounds, so that the measured ones run on optimized (tier-1) code; with
        // one warm-up conversation the first measured rounds ran partly on unoptimized code and decided the p99.
        for (var i = 0; i < WarmUpRounds; i++)
            RoundAsync(Conversations, record: false).GetAwaiter().GetResult();
    }

    /// <summary>One round: N crisis messages at once; waits until every handoff was announced.</summary>
    public Task RoundAsync() => RoundAsync(Conversations, record: true);

    private async Task RoundAsync(int count, bool record)
    {
        var started = new ConcurrentDictionary<string, long>();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var conversation = "bench-" + Guid.NewGuid().ToString("N");
            started[ConversationKeys.ChannelHash("msteams", conversation)] = Stopwatch.GetTimestamp();
            await _host.PostAsync(_channel, "I want to kill myself", conversation);
        }));

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var hashes = started.Keys.ToList();
        var handoffs = await db.Set<PeerBot.Handoff.HandoffRequest>().AsNoTracking()
            .Join(db.Set<ConversationRecord>().Where(c => hashes.Contains(c.ChannelHash)),
                h => h.ConversationKey, c => c.Key, (h, c) => new { h.Id, c.ChannelHash })
            .ToListAsync();
        if (handoffs.Count != count)
            throw new InvalidOperationException($"Expected {count} handoffs, found {handoffs.Count}.");
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (handoffs.Any(h => !_firstSeen.ContainsKey(h.Id)))
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new InvalidOperationException("Not every handoff reached the console within 30 s.");
            await Task.Delay(5);
        }
        if (!record)
            return;
        lock (_latencies)
        {
            foreach (var h in handoffs)
                _latencies.Add(Stopwatch.GetElapsedTime(started[h.ChannelHash], _firstSeen[h.Id]).TotalMilliseconds);
        }
    }

    public string Summary() => ConsoleEventReader.Summary(_latencies, $"{Conversations} at once");

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _reader.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The stream was cancelled.
        }
        _console?.Dispose();
        _channel?.Dispose();
        _host?.Dispose();
        _stop.Dispose();
    }
}
