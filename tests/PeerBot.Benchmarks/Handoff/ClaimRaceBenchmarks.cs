using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// Issue 5 speed goal: 100 concurrent claims of one handoff — one 200, the rest 409, all within 1 s. One operation
/// is the whole race over HTTP (bearer-authenticated, real pipeline, SQLite); it throws if the outcome is wrong.
/// </summary>
[MemoryDiagnoser]
public class ClaimRaceBenchmarks
{
    private HandoffBenchHost _host = null!;
    private HttpClient _channel = null!;
    private HttpClient[] _peers = [];
    private Guid _handoff;

    [Params(100)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new HandoffBenchHost();
        _channel = _host.CreateClient();
        _peers = [_host.SignInAsync("peer1@demo.local").GetAwaiter().GetResult(), _host.SignInAsync("peer2@demo.local").GetAwaiter().GetResult()];
    }

    [IterationSetup]
    public void NewHandoff()
    {
        _host.PostAsync(_channel, "peer").GetAwaiter().GetResult();
        using var list = _peers[0].GetAsync("/api/handoffs?status=queued").GetAwaiter().GetResult();
        var queued = list.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult();
        _handoff = queued.EnumerateArray().Last().GetProperty("id").GetGuid();
    }

    [Benchmark(Description = "100 concurrent claims of one handoff")]
    public async Task<int> Race()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Claims)
            .Select(i => _peers[i % 2].PostAsync($"/api/handoffs/{_handoff}/claim", null)));
        var won = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var lost = responses.Count(r => r.StatusCode == HttpStatusCode.Conflict);
        foreach (var response in responses)
            response.Dispose();
        if (won != 1 || lost != Claims - 1)
            throw new InvalidOperationException($"Expected one winner, got {won} 200s and {lost} 409s.");
        return won;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var peer in _peers)
            peer.Dispose();
        _channel.Dispose();
        _host.Dispose();
    }
}
