using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PeerBot.Tests.Language;

/// <summary>Keeps every formatted log message and exception, to prove client words never reach the logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(EventId Id, string Text)> Records { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Records.Enqueue((eventId, formatter(state, exception) + " " + exception));
}
