using Microsoft.Extensions.Options;
using PeerBot.Conversations;

namespace PeerBot.Safety;

/// <summary>
/// The pipeline's entry to safety, called on every inbound message before any dialog: scan with the lexicon,
/// optionally let sentiment raise a no-hit message to moderate (never waited on for crisis or high), escalate at
/// conversation level, and compose the immediate replies.
/// </summary>
public sealed class SafetyScreen(
    DistressDetector detector,
    SafetyResponder responder,
    IOptions<SafetyOptions> options,
    TimeProvider clock,
    ILogger<SafetyScreen> logger,
    ISentimentSource? sentiment = null)
{
    public async ValueTask<SafetyOutcome> ScreenAsync(
        ClientText text, string locale, SafetyState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assessment = detector.Scan(text);
        if (assessment.Tier == DistressTier.None && sentiment is not null && !text.IsEmpty)
            assessment = await RaiseBySentimentAsync(text, locale, cancellationToken);
        if (assessment.Top is { } top)
            SafetyLog.DistressDetected(logger, assessment.Tier, top.Category, top.RuleId);
        return responder.Respond(assessment, () => IsSpanish(locale) || detector.LooksSpanish(text), state, now, text.Value);
    }

    /// <summary>
    /// A completed daily check-in: mood 1 (of 5) and any use each count as a moderate signal for conversation-level
    /// escalation. <paramref name="craving"/> is recorded by the dialog layer; it does not escalate on its own.
    /// </summary>
    public SafetyOutcome RecordCheckIn(int mood, int craving, bool anyUse, string locale, SafetyState state,
        DateTimeOffset now)
    {
        _ = craving;
        List<DistressSignal> signals = [];
        if (mood == 1)
            signals.Add(new DistressSignal(DistressTier.Moderate, "low-mood", "check-in-mood",
                "moderate/low-mood: daily check-in mood was 1 of 5"));
        if (anyUse)
            signals.Add(new DistressSignal(DistressTier.Moderate, "relapse", "check-in-use",
                "moderate/relapse: daily check-in reported use"));
        if (signals.Count == 0)
            return responder.Respond(DistressAssessment.None, () => IsSpanish(locale), state, now);
        return responder.Respond(new DistressAssessment(DistressTier.Moderate, signals), () => IsSpanish(locale), state, now);
    }

    private async ValueTask<DistressAssessment> RaiseBySentimentAsync(ClientText text, string locale,
        CancellationToken cancellationToken)
    {
        var timeout = options.Value.SentimentTimeout;
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
            var reading = await sentiment!.ReadAsync(text, locale, linked.Token)
                .WaitAsync(timeout, clock, cancellationToken);
            if (reading is null || reading.Negative < options.Value.SentimentNegativeThreshold)
                return DistressAssessment.None;
            var signal = new DistressSignal(DistressTier.Moderate, "negative-sentiment", "sentiment",
                $"moderate/negative-sentiment: the sentiment service read the message as strongly negative ({reading.Negative:0.00}); no lexicon rule fired");
            return new DistressAssessment(DistressTier.Moderate, [signal]);
        }
        catch (TimeoutException)
        {
            SafetyLog.SentimentTimedOut(logger, timeout.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.SentimentTimedOut(logger, timeout.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SafetyLog.SentimentFailed(logger, ex.GetType().Name);
        }
        return DistressAssessment.None;
    }

    private static bool IsSpanish(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
