namespace PeerBot.Safety.Matching;

/// <summary>
/// A lexicon rule ready for matching. A null modifier tier means "ignore that modifier"; otherwise a negated, past
/// or third-person hit takes that tier instead (None drops it).
/// </summary>
internal sealed record CompiledRule(
    string Id,
    DistressTier Tier,
    string Category,
    DistressTier? NegatedTier,
    DistressTier? PastTier,
    DistressTier? ThirdPersonTier,
    bool RequiresDenial,
    IReadOnlyList<string> Examples);

/// <summary>
/// An idiom or false-friend exclusion: a rule hit overlapping its words is dropped (only rules of the listed
/// categories when <see cref="Categories"/> is set).
/// </summary>
internal sealed record CompiledExclusion(string Id, IReadOnlyList<string> Examples, IReadOnlySet<string>? Categories)
{
    public bool Suppresses(CompiledRule rule) => Categories is null || Categories.Contains(rule.Category);
}
