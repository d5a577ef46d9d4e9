using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeerBot.Safety.Lexicon;

namespace PeerBot.Safety;

public static class SafetyServices
{
    /// <summary>
    /// Registers the detector (lexicon from <c>PeerBot:Safety:LexiconPath</c> or dialogs/safety/lexicon.yaml), the
    /// crisis texts and <see cref="SafetyScreen"/>. Both files are loaded and validated at start-up; an invalid file
    /// stops the app with errors naming file, line and path. An <see cref="ISentimentSource"/>, when registered
    /// elsewhere, is picked up by the screen.
    /// </summary>
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddOptions<SafetyOptions>()
            .BindConfiguration(SafetyOptions.Section)
            .Validate(o => o.IsValid(), "PeerBot:Safety: windows must be positive, EscalationCount 2–20, SentimentTimeout at most 1 s, SentimentNegativeThreshold in (0.5, 1]")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var path = LexiconPath(sp);
            var watch = Stopwatch.StartNew();
            var detector = new DistressDetector(LexiconLoader.Load(path));
            SafetyLog.LexiconLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SafetyServices)),
                detector.Lexicon.Rules.Length, detector.PatternCount, detector.Lexicon.Vocabulary.Count,
                watch.ElapsedMilliseconds);
            return detector;
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SafetyOptions>>().Value;
            var path = string.IsNullOrEmpty(options.TextsPath)
                ? SafetyPaths.TextsBeside(LexiconPath(sp))
                : Path.GetFullPath(options.TextsPath, ContentRoot(sp));
            return SafetyTexts.Load(path);
        });
        services.AddSingleton<SafetyResponder>();
        services.AddSingleton<SafetyScreen>();
        services.AddHostedService<SafetyStartupCheck>();
        return services;
    }

    private static string ContentRoot(IServiceProvider sp) =>
        sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;

    private static string LexiconPath(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SafetyOptions>>().Value;
        return string.IsNullOrEmpty(options.LexiconPath)
            ? SafetyPaths.FindLexicon(ContentRoot(sp), AppContext.BaseDirectory)
            : Path.GetFullPath(options.LexiconPath, ContentRoot(sp));
    }

    /// <summary>Resolving the detector and texts at start-up makes an invalid safety file stop the app.</summary>
    private sealed class SafetyStartupCheck(DistressDetector detector, SafetyTexts texts) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(detector);
            GC.KeepAlive(texts);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
