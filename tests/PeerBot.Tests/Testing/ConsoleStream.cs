using System.Collections.Concurrent;
using System.Text.Json;

namespace PeerBot.Tests.Testing;

/// <summary>A console's live event stream (server-sent events from /api/console/events), read in the background.</summary>
public sealed class ConsoleStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;

    private ConsoleStream(HttpClient console) => _reader = Task.Run(() => ReadAsync(console));

    public ConcurrentQueue<StreamedEvent> Events { get; } = new();

    /// <summary>Opens the stream and waits for its <c>hello</c>.</summary>
    public static async Task<ConsoleStream> OpenAsync(HttpClient console)
    {
        var stream = new ConsoleStream(console);
        await stream._hello.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return stream;
    }

    public IReadOnlyList<StreamedEvent> About(Guid handoffId) => Events.Where(e => e.HandoffId == handoffId).ToList();

    private async Task ReadAsync(HttpClient console)
    {
        using var response = await console.GetAsync("/api/console/events", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
        string? type = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
                if (type == "hello")
                    _hello.TrySetResult();
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
            {
                using var json = JsonDocument.Parse(line[6..]);
                var root = json.RootElement;
                Events.Enqueue(new StreamedEvent(
                    type,
                    root.TryGetProperty("handoffId", out var h) && h.ValueKind == JsonValueKind.String ? h.GetGuid() : null,
                    root.TryGetProperty("peerId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                    root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // The stream was cancelled.
        }
        catch (IOException)
        {
            // The server went away first.
        }
        _stop.Dispose();
    }
}

public sealed record StreamedEvent(string Type, Guid? HandoffId, string? PeerId, string? Detail);
