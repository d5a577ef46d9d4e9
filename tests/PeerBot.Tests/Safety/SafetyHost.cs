using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerBot.Safety;

namespace PeerBot.Tests.Safety;

/// <summary>The real AddSafety() registration with in-memory settings and a capturing logger.</summary>
internal sealed class SafetyHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public SafetyHost(Dictionary<string, string?>? settings = null, ISentimentSource? sentiment = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PeerBot:Safety:LexiconPath"] = SafetyTestPaths.Lexicon,
            }.Concat(settings ?? []))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (sentiment is not null)
            services.AddSingleton(sentiment);
        services.AddSafety();
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public SafetyScreen Screen => _provider.GetRequiredService<SafetyScreen>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}

/// <summary>Keeps every formatted log line and exception message written during a test.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _records = [];

    public IReadOnlyList<string> Records
    {
        get
        {
            lock (_records)
                return [.. _records];
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    private void Add(string record)
    {
        lock (_records)
            _records.Add(record);
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            owner.Add($"{eventId.Id} {formatter(state, exception)} {exception?.Message} {state}");
        }
    }
}

/// <summary>
/// A stand-in for the external sentiment service (the Azure Language edge may be faked): fixed reading, optional
/// delay that ignores cancellation, optional failure, and a call counter.
/// </summary>
internal sealed class TestSentimentSource(double negative, TimeSpan delay = default, bool fail = false) : ISentimentSource
{
    private int _calls;

    public int Calls => _calls;

    public async Task<SentimentReading?> ReadAsync(PeerBot.Conversations.ClientText text, string locale,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, CancellationToken.None);
        if (fail)
            throw new InvalidOperationException("sentiment service said: " + text.Value);
        return new SentimentReading(negative > 0.5 ? "negative" : "neutral", negative);
    }
}
