using System.Text.RegularExpressions;

namespace PeerBot.Dialogs.Definitions;

/// <summary>Parses <c>mood &lt;= 1 or craving &gt;= 8 and use == yes</c>.</summary>
public static partial class ConditionParser
{
    public static Condition? TryParse(string text, out string? error)
    {
        error = null;
        var anyOf = new List<IReadOnlyList<Comparison>>();
        foreach (var part in OrSplit().Split(text))
        {
            var allOf = new List<Comparison>();
            foreach (var piece in AndSplit().Split(part))
            {
                var match = ComparisonPattern().Match(piece);
                if (!match.Success)
                {
                    error = $"cannot read '{piece.Trim()}': write 'variable op value' with op one of == != < <= > >=";
                    return null;
                }
                allOf.Add(new Comparison(match.Groups["var"].Value, ParseOperator(match.Groups["op"].Value),
                    match.Groups["value"].Value));
            }
            anyOf.Add(allOf);
        }
        return new Condition(anyOf);
    }

    private static ComparisonOperator ParseOperator(string op) => op switch
    {
        "==" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };

    [GeneratedRegex(@"\s+or\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OrSplit();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^\s*(?<var>[a-z][a-z0-9_-]*)\s*(?<op>==|!=|<=|>=|<|>)\s*(?<value>[^\s]+)\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonPattern();
}
