namespace PeerBot.Safety;

/// <summary>One labelled row of an evaluation file (<c>text&lt;TAB&gt;tier&lt;TAB&gt;note</c>).</summary>
public sealed record EvaluationRow(int Line, string Text, DistressTier Gold, string Note);

/// <summary>Predicted tier for a row.</summary>
public sealed record EvaluationResult(EvaluationRow Row, DistressAssessment Assessment)
{
    public DistressTier Predicted => Assessment.Tier;
}

/// <summary>
/// Per-tier recall and precision, at-or-above recall (none &lt; moderate &lt; high &lt; crisis), the false-positive
/// rate on gold none, a 4×4 confusion matrix and the critical misses (gold crisis predicted none or moderate).
/// </summary>
public sealed class SafetyEvaluation
{
    private static readonly DistressTier[] Tiers = [DistressTier.Crisis, DistressTier.High, DistressTier.Moderate, DistressTier.None];

    private SafetyEvaluation(IReadOnlyList<EvaluationResult> results) => Results = results;

    public IReadOnlyList<EvaluationResult> Results { get; }

    public int N => Results.Count;

    public static SafetyEvaluation Run(DistressDetector detector, IEnumerable<EvaluationRow> rows) =>
        new([.. rows.Select(r => new EvaluationResult(r, detector.Scan(new Conversations.ClientText(r.Text))))]);

    /// <summary>Number of rows with gold <paramref name="gold"/> predicted <paramref name="predicted"/>.</summary>
    public int Count(DistressTier gold, DistressTier predicted) =>
        Results.Count(r => r.Row.Gold == gold && r.Predicted == predicted);

    public double Recall(DistressTier tier) => Ratio(Count(tier, tier), Results.Count(r => r.Row.Gold == tier));

    public double Precision(DistressTier tier) => Ratio(Count(tier, tier), Results.Count(r => r.Predicted == tier));

    public double AtOrAboveRecall(DistressTier tier) =>
        Ratio(Results.Count(r => r.Row.Gold == tier && r.Predicted >= tier), Results.Count(r => r.Row.Gold == tier));

    public double NoneFalsePositiveRate =>
        Ratio(Results.Count(r => r.Row.Gold == DistressTier.None && r.Predicted != DistressTier.None),
            Results.Count(r => r.Row.Gold == DistressTier.None));

    public IReadOnlyList<EvaluationResult> CriticalMisses =>
        [.. Results.Where(r => r.Row.Gold == DistressTier.Crisis && r.Predicted <= DistressTier.Moderate)];

    public static IReadOnlyList<DistressTier> TierOrder => Tiers;

    /// <summary>An empty gold class has no recall: reported as 0, never as a division error.</summary>
    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
