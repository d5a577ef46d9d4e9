using Microsoft.Extensions.Options;

namespace PeerBot.Safety;

/// <summary>
/// Conversation-level decisions: repeated moderate signals raise to high, a crisis episode keeps the conversation
/// at crisis for one window after the last crisis message, and the full crisis text is sent once per episode
/// (later crisis messages get a short reminder).
/// </summary>
public sealed class SafetyResponder(SafetyTexts texts, IOptions<SafetyOptions> options, ILogger<SafetyResponder> logger)
{
    private static readonly string[] OverdoseCategories = ["overdose", "medical-emergency"];

    internal SafetyOutcome Respond(DistressAssessment assessment, Func<bool> spanish, SafetyState state,
        DateTimeOffset now)
    {
        var settings = options.Value;
        state.Recent.RemoveAll(m => now - m.At > settings.EscalationWindow);
        var episodeActive = state.LastCrisisAt is { } lastCrisis && now - lastCrisis < settings.CrisisEpisodeWindow;
        var recentlySent = state.LastCrisisReplyAt is { } lastReply && now - lastReply < settings.CrisisEpisodeWindow;

        if (assessment.Tier == DistressTier.None && !episodeActive)
            return SafetyOutcome.Clear;
        if (assessment.Top is { } top && assessment.Tier >= DistressTier.Moderate)
            state.Recent.Add(new SafetyMark(now, assessment.Tier, top.Category));

        if (assessment.Tier == DistressTier.Crisis)
        {
            string reply;
            if (episodeActive && state.CrisisEpisodeStartedAt is not null)
            {
                reply = texts.Get("reminder", spanish());
            }
            else
            {
                var overdose = assessment.Signals.Any(s =>
                    s.Tier == DistressTier.Crisis && OverdoseCategories.Contains(s.Category, StringComparer.Ordinal));
                reply = texts.Get(overdose ? "overdose" : "crisis", spanish());
                state.CrisisEpisodeStartedAt = now;
            }
            state.LastCrisisAt = now;
            state.LastCrisisReplyAt = now;
            return new SafetyOutcome(assessment, DistressTier.Crisis, [reply], OpenHandoff: true, OfferPeer: false);
        }

        if (episodeActive)
            return new SafetyOutcome(assessment, DistressTier.Crisis, [], OpenHandoff: true, OfferPeer: false);

        if (assessment.Tier == DistressTier.Moderate)
        {
            var count = state.Recent.Count(m => m.Tier >= DistressTier.Moderate);
            if (count < settings.EscalationCount)
                return new SafetyOutcome(assessment, DistressTier.Moderate, [], OpenHandoff: false, OfferPeer: true);
            SafetyLog.Escalated(logger, count);
            var escalation = new DistressSignal(DistressTier.High, "repeated-distress", "conversation-escalation",
                $"high/repeated-distress: {count} moderate-or-higher signals within {settings.EscalationWindow.TotalHours:0.#} h in this conversation");
            assessment = new DistressAssessment(DistressTier.High, [escalation, .. assessment.Signals]);
        }

        string[] replies = recentlySent ? [] : [texts.Get("high", spanish())];
        if (!recentlySent)
            state.LastCrisisReplyAt = now;
        return new SafetyOutcome(assessment, DistressTier.High, replies, OpenHandoff: true, OfferPeer: false);
    }
}
