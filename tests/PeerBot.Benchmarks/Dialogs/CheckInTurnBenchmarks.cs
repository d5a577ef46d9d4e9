using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Dialogs;

namespace PeerBot.Benchmarks.Dialogs;

/// <summary>
/// One check-in turn in-process: load the state from JSON, answer the waiting question, save the state.
/// Goal (issue 3): median ≤ 100 µs, I/O excluded.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CheckInTurnBenchmarks
{
    private ServiceProvider _services = null!;
    private DialogEngine _engine = null!;
    private string _atCraving = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PeerBot.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("PeerBot.sln not found");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DialogOptions.Section}:Path"] = Path.Combine(root, "dialogs"),
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDialogs()
            .BuildServiceProvider();
        _engine = _services.GetRequiredService<DialogEngine>();

        var state = new DialogState { Welcomed = true };
        await _engine.RunAsync(Input("check in"), state, CancellationToken.None);
        await _engine.RunAsync(Input("3"), state, CancellationToken.None);
        _atCraving = JsonSerializer.Serialize(state);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<string> AnswerCravingAsync()
    {
        var state = JsonSerializer.Deserialize<DialogState>(_atCraving)!;
        await _engine.RunAsync(Input("4"), state, CancellationToken.None);
        return JsonSerializer.Serialize(state);
    }

    private static DialogInput Input(string text) =>
        new(DialogInputKind.Message, "bench", new ClientText(text), null, "sms", "en-US", TimeProvider.System.GetUtcNow());
}
