using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// Issue 5 speed goal: from the POST of a crisis message to the handoff appearing in a connected console, p99 ≤
/// 250 ms with 50 concurrent conversations. One operation posts 50 crisis messages at once (50 conversations) and
/// ends when a console's event stream has announced all 50 handoffs, so its time bounds the slowest of the 50.
/// </summary>
[MemoryDiagnoser]
public class CrisisToConsoleBenchmarks
{
    private HandoffBenchHost _host = null!;
    private HttpClient _channel = null!;
    private HttpClient _console = null!;
    private CancellationTokenSource _stop = null!;
    private Task _reader = Task.CompletedTask;
    private readonly ConcurrentDictionary<string, byte> _announced = new();
    private TaskCompletionSource _allSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    [Params(1, 50)]
    public int Conversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new HandoffBenchHost();
        _channel = _host.CreateClient();
        _console = _host.SignInAsync("peer1@demo.local").GetAwaiter().GetResult();
        _stop = new CancellationTokenSource();
        var connected = new TaskCompletionSource();
        _reader = Task.Run(async () =>
        {
            using var response = await _console.GetAsync("/api/console/events", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            string? eventType = null;
            while (await stream.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    eventType = line[7..];
                    if (eventType == "hello")
                        connected.TrySetResult();
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventType == "alert" && _announced.TryAdd(line, 0)
                         && _announced.Count >= Volatile.Read(ref _expected))
                {
                    _allSeen.TrySetResult();
                }
            }
        });
        connected.Task.Wait(TimeSpan.FromSeconds(30));
    }

    [IterationSetup]
    public void Reset()
    {
        _announced.Clear();
        _allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _expected, Conversations);
    }

    [Benchmark(Description = "concurrent crisis messages until all shown in a console")]
    public async Task PostUntilAnnounced()
    {
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(_ => _host.PostAsync(_channel, "I want to kill myself")));
        await _allSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [GlobalCleanup]
    public void Cleanup()
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
        _console.Dispose();
        _channel.Dispose();
        _host.Dispose();
        _stop.Dispose();
    }
}
