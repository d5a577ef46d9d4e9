using PeerBot.Conversations;

namespace PeerBot.Safety;

/// <summary>
/// The pipeline's entry to safety: scan, escalate at conversation level, compose the crisis reply.
/// PLACEHOLDER until the detector lands (issue 4): keyword check only.
/// </summary>
public sealed class SafetyScreen
{
    public ValueTask<SafetyOutcome> ScreenAsync(
        ClientText text, string locale, SafetyState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lower = text.Value.ToLowerInvariant();
        if (lower.Contains("kill myself", StringComparison.Ordinal))
        {
            var signal = new DistressSignal(DistressTier.Crisis, "suicidal-ideation", "placeholder", "placeholder");
            var assessment = new DistressAssessment(DistressTier.Crisis, [signal]);
            return ValueTask.FromResult(new SafetyOutcome(assessment, DistressTier.Crisis,
                ["If you are in danger, call or text 988 now."], true, false));
        }
        return ValueTask.FromResult(SafetyOutcome.Clear);
    }
}
