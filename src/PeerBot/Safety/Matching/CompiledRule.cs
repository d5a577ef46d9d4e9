namespace PeerBot.Safety.Matching;

/// <summary>
/// A lexicon rule ready for matching. A null modifier tier means "ignore that modifier"; otherwise a negated, past
/// or third-person hit takes that tier instead (None drops it). <see cref="NegationInside"/> also counts a negation
/// cue inside the matched words (a compositional frame whose gap holds "don't": "hope I don't die").
/// A co-occurrence rule (<see cref="PartCount"/> &gt; 0) fires when each of its parts (global part indices
/// <see cref="FirstPart"/>.. <see cref="FirstPart"/> + <see cref="PartCount"/> - 1) matches, in any order, with all
/// hits inside <see cref="Window"/> words and, unless <see cref="AcrossSentences"/>, inside one sentence; with
/// <see cref="AtLeast"/> below the part count, any that many parts suffice (a concept score).
/// </summary>
internal sealed record CompiledRule(
    string Id,
    DistressTier Tier,
    string Category,
    DistressTier? NegatedTier,
    DistressTier? PastTier,
    DistressTier? ThirdPersonTier,
    bool RequiresDenial,
    IReadOnlyList<string> Examples,
    bool NegationInside = false,
    int FirstPart = 0,
    int PartCount = 0,
    int Window = 0,
    bool AcrossSentences = false,
    int AtLeast = 0)
{
    public bool IsCooccurrence => PartCount > 0;
}

/// <summary>
/// An idiom or false-friend exclusion: a rule hit overlapping its words is dropped (only rules of the listed
/// categories when <see cref="Categories"/> is set).
/// </summary>
internal sealed record CompiledExclusion(string Id, IReadOnlyList<string> Examples, IReadOnlySet<string>? Categories)
{
    public bool Suppresses(CompiledRule rule) => Categories is null || Categories.Contains(rule.Category);
}
