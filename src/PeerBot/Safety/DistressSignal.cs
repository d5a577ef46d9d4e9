namespace PeerBot.Safety;

/// <summary>
/// One rule that fired. <see cref="Explanation"/> is for a peer to read ("crisis/suicidal-ideation: phrase
/// 'kill myself' on words 3–4"); it may quote the matched words, so it is shown in the console and never logged.
/// </summary>
public sealed record DistressSignal(DistressTier Tier, string Category, string RuleId, string Explanation);

/// <summary>The result of scanning one message: the highest tier and every signal behind it.</summary>
public sealed record DistressAssessment(DistressTier Tier, IReadOnlyList<DistressSignal> Signals)
{
    public static DistressAssessment None { get; } = new(DistressTier.None, []);

    /// <summary>The signal that set the tier (the first one of the highest tier), if any.</summary>
    public DistressSignal? Top => Signals.Count == 0 ? null : Signals.MaxBy(s => s.Tier);
}
