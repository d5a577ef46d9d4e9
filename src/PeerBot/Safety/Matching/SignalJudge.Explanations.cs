using System.Runtime.CompilerServices;

namespace PeerBot.Safety.Matching;

/// <summary>Explanations a peer can read: which rule fired on which words, and what the modifiers did.</summary>
internal sealed partial class SignalJudge
{
    private static string ExplainParts(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens,
        ReadOnlySpan<PatternMatch> matches, ReadOnlySpan<int> last, int used, CompiledRule rule, DistressTier tier,
        PatternMatch span, bool negated, bool past, bool third)
    {
        // One pooled buffer for the whole explanation (no builder or part strings left behind).
        var explanation = new DefaultInterpolatedStringHandler(0, 0);
        explanation.AppendLiteral(Label(tier));
        explanation.AppendLiteral("/");
        explanation.AppendLiteral(rule.Category);
        explanation.AppendLiteral(": rule '");
        explanation.AppendLiteral(rule.Id);
        explanation.AppendLiteral("' found ");
        var first = true;
        for (var p = 0; p < rule.PartCount; p++)
        {
            if ((used & (1 << p)) == 0)
                continue;
            var part = matches[last[rule.FirstPart + p]];
            var from = tokens[part.Start].OrigStart;
            var to = tokens[part.End].OrigEnd;
            explanation.AppendLiteral(first ? "\"" : " + \"");
            explanation.AppendFormatted(text[from..Math.Min(to, from + MaxQuotedChars / 2)]);
            explanation.AppendLiteral("\"");
            first = false;
        }
        explanation.AppendLiteral(" together (words ");
        explanation.AppendFormatted(span.Start + 1);
        explanation.AppendLiteral("–");
        explanation.AppendFormatted(span.End + 1);
        explanation.AppendLiteral(")");
        explanation.AppendLiteral(Notes(rule, tier, negated, past, third));
        return explanation.ToStringAndClear();
    }

    private static string Notes(CompiledRule rule, DistressTier tier, bool negated, bool past, bool third) =>
        (negated ? $"; negated, so {Label(rule.Tier)} became {Label(tier)}" : string.Empty)
        + (past ? $"; in the past, so {Label(rule.Tier)} became {Label(tier)}" : string.Empty)
        + (third ? "; about another person" : string.Empty);

    private static string Explain(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, PatternMatch m,
        CompiledRule rule, DistressTier tier, bool negated, bool past, bool third)
    {
        var from = tokens[m.Start].OrigStart;
        var to = tokens[m.End].OrigEnd;
        var quoted = text[from..Math.Min(to, from + MaxQuotedChars)];
        var notes = Notes(rule, tier, negated, past, third);
        return $"{Label(tier)}/{rule.Category}: rule '{rule.Id}' matched \"{quoted}\" (words {m.Start + 1}–{m.End + 1}){notes}";
    }

    internal static string Label(DistressTier tier) => tier switch
    {
        DistressTier.Crisis => "crisis",
        DistressTier.High => "high",
        DistressTier.Moderate => "moderate",
        _ => "none",
    };
}
