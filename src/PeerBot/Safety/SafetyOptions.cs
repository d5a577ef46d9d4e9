namespace PeerBot.Safety;

/// <summary>Settings under <c>PeerBot:Safety</c>.</summary>
public sealed class SafetyOptions
{
    public const string Section = "PeerBot:Safety";

    /// <summary>Path of lexicon.yaml. Default: dialogs/safety/lexicon.yaml found by walking up from the content root.</summary>
    public string? LexiconPath { get; set; }

    /// <summary>Path of the crisis texts file. Default: texts.yaml beside the lexicon.</summary>
    public string? TextsPath { get; set; }

    /// <summary>Within one crisis episode later crisis messages get a short reminder, not the full text again.</summary>
    public TimeSpan CrisisEpisodeWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Moderate signals (including check-in mood 1 or any use) are counted within this window.</summary>
    public TimeSpan EscalationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>This many moderate-or-higher signals within <see cref="EscalationWindow"/> raise the tier to high.</summary>
    public int EscalationCount { get; set; } = 3;

    /// <summary>The optional sentiment source gets at most this long; then the lexicon decides alone.</summary>
    public TimeSpan SentimentTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Negative confidence (0–1) at or above which a message with no lexicon hit becomes moderate.</summary>
    public double SentimentNegativeThreshold { get; set; } = 0.9;

    internal bool IsValid() =>
        CrisisEpisodeWindow > TimeSpan.Zero && EscalationWindow > TimeSpan.Zero && EscalationCount is >= 2 and <= 20
        && SentimentTimeout > TimeSpan.Zero && SentimentTimeout <= TimeSpan.FromSeconds(1)
        && SentimentNegativeThreshold is > 0.5 and <= 1.0;
}
