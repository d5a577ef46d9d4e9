using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PeerBot.Benchmarks.Handoff;

/// <summary>
/// What both crisis-latency probes share: reading the console's server-sent events (each "queue" or "alert" event
/// that names a handoff is reported with the time its line was read) and the latency summary line.
/// </summary>
internal static class ConsoleEventReader
{
    /// <summary>
    /// Reads <c>/api/console/events</c> until cancelled; completes <paramref name="connected"/> at the stream's
    /// "hello" and calls <paramref name="seen"/> with each handoff id and <see cref="Stopwatch"/> timestamp.
    /// </summary>
    public static async Task ReadAsync(HttpClient console, TaskCompletionSource connected, Action<Guid, long> seen,
        CancellationToken cancellationToken)
    {
        using var response = await console.GetAsync("api/console/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? type = null;
        while (await stream.ReadLineAsync(cancellationToken) is { } line)
        {
            var now = Stopwatch.GetTimestamp();
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
                if (type == "hello")
                    connected.TrySetResult();
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is "queue" or "alert")
            {
                using var json = JsonDocument.Parse(line[6..]);
                if (json.RootElement.TryGetProperty("handoffId", out var id) && id.TryGetGuid(out var handoffId))
                    seen(handoffId, now);
            }
        }
    }

    /// <summary>"N conversations (label): p50 …, p90 …, p99 …, max …" over the latencies in milliseconds.</summary>
    public static string Summary(IEnumerable<double> latenciesMs, string label)
    {
        var sorted = latenciesMs.Order().ToList();
        if (sorted.Count == 0)
            return "no samples";
        return string.Create(CultureInfo.InvariantCulture,
            $"{sorted.Count} conversations ({label}): p50 {Percentile(sorted, 0.50):F1} ms, p90 {Percentile(sorted, 0.90):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
