using Microsoft.Extensions.Logging;

using System.Collections.Concurrent;

namespace PeerBot.Tests.Testing;

/// <summary>Keeps every log record (rendered message and exception) so tests can prove no client words leak.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public bool Contains(string text) => Records.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Records.Enqueue($"{category}|{eventId.Id}|{formatter(state, exception)}|{structured}|{exception}");
        }
    }
}
