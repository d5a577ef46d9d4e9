namespace PeerBot.Safety;

/// <summary>Distress tiers, ordered: a higher value is more urgent (DISTRESS.md §6).</summary>
public enum DistressTier
{
    None = 0,
    Moderate = 1,
    High = 2,
    Crisis = 3,
}
