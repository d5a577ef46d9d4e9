using BenchmarkDotNet.Attributes;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// Issue 5 speed goal: from the POST of a crisis message to the handoff appearing in a connected console, p99 ≤
/// 250 ms with 50 concurrent conversations. One operation posts 50 crisis messages at once (50 conversations) and
/// ends when the console's event stream has announced all 50 handoffs, so its time bounds the slowest of the 50.
/// The per-conversation p50/p99 over every operation is printed at the end (BenchmarkDotNet's own statistics are
/// per operation). Quick look without the harness: <c>handoff-latency 50 10</c>.
/// </summary>
[MemoryDiagnoser]
public class CrisisToConsoleBenchmarks
{
    private CrisisLatencyProbe _probe = null!;

    [Params(1, 50)]
    public int Conversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _probe = new CrisisLatencyProbe { Conversations = Conversations };
        _probe.Start();
    }

    [Benchmark(Description = "concurrent crisis messages until all shown in a console")]
    public Task PostUntilAnnounced() => _probe.RoundAsync();

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine("// Crisis to console, per conversation: " + _probe.Summary());
        _probe.Dispose();
    }
}
