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

    /// <summary>How long after the crisis text's "Are you safe right now?" a short yes or no counts as its answer.</summary>
    public static readonly TimeSpan SafetyAnswerWindow = TimeSpan.FromMinutes(30);

    internal SafetyOutcome Respond(DistressAssessment assessment, Func<bool> spanish, SafetyState state,
        DateTimeOffset now, string? text = null)
    {
        var settings = options.Value;
        if (text is not null && assessment.Tier < DistressTier.High && state.AskedIfSafeAt is { } asked
            && now - asked < SafetyAnswerWindow && SafetyAnswer.Read(text) is var answer and not SafetyAnswerKind.Unclear)
            return AnswerToSafetyQuestion(answer, assessment, spanish, state, now);
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
                state.AskedIfSafeAt = overdose ? null : now; // the crisis text ends with "Are you safe right now?"
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
        state.AskedIfSafeAt = null;
        if (!recentlySent)
            state.LastCrisisReplyAt = now;
        return new SafetyOutcome(assessment, DistressTier.High, replies, OpenHandoff: true, OfferPeer: false);
    }

    /// <summary>
    /// The answer to "Are you safe right now?" is the safety conversation's, not a dialog's: "no" (or doubt) keeps
    /// the handoff at crisis and sends the immediate-danger steps again; "yes" is acknowledged. Either way the
    /// message gets a reply here, so a waiting dialog question does not swallow it.
    /// </summary>
    private SafetyOutcome AnswerToSafetyQuestion(SafetyAnswerKind answer, DistressAssessment assessment, Func<bool> spanish,
        SafetyState state, DateTimeOffset now)
    {
        state.AskedIfSafeAt = null;
        if (answer == SafetyAnswerKind.NotSafe)
        {
            SafetyLog.NotSafeAnswer(logger);
            state.LastCrisisAt = now;
            state.LastCrisisReplyAt = now;
            var signal = new DistressSignal(DistressTier.Crisis, "not-safe", "safety-question",
                "crisis/not-safe: answered no (or not sure) to \"Are you safe right now?\" after a crisis message");
            return new SafetyOutcome(new DistressAssessment(DistressTier.Crisis, [signal, .. assessment.Signals]),
                DistressTier.Crisis, [texts.Get("not-safe", spanish())], OpenHandoff: true, OfferPeer: false);
        }
        var episodeActive = state.LastCrisisAt is { } lastCrisis && now - lastCrisis < options.Value.CrisisEpisodeWindow;
        return new SafetyOutcome(assessment, episodeActive ? DistressTier.Crisis : assessment.Tier,
            [texts.Get("safe", spanish())], OpenHandoff: false, OfferPeer: false); // the crisis already opened it
    }
}
