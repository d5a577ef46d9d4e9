namespace PeerBot.Safety;

/// <summary>
/// What the turn pipeline must do after the safety screen: send <see cref="ImmediateReplies"/> at once (before
/// any dialog runs), open a handoff when <see cref="OpenHandoff"/> is set, and offer a peer when
/// <see cref="OfferPeer"/> is set (moderate).
/// </summary>
public sealed record SafetyOutcome(
    DistressAssessment Assessment,
    DistressTier EffectiveTier,
    IReadOnlyList<string> ImmediateReplies,
    bool OpenHandoff,
    bool OfferPeer)
{
    public static SafetyOutcome Clear { get; } = new(DistressAssessment.None, DistressTier.None, [], false, false);
}
