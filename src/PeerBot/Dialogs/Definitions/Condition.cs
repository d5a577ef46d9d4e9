using System.Globalization;

namespace PeerBot.Dialogs.Definitions;

public enum ComparisonOperator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary><c>variable op value</c>. Numbers compare as numbers, words only with == and !=.</summary>
public sealed record Comparison(string Variable, ComparisonOperator Operator, string Value)
{
    public bool Holds(IReadOnlyDictionary<string, string> variables)
    {
        var actual = variables.TryGetValue(Variable, out var value) ? value : string.Empty;
        if (int.TryParse(actual, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            && int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var right))
        {
            return Operator switch
            {
                ComparisonOperator.Equal => left == right,
                ComparisonOperator.NotEqual => left != right,
                ComparisonOperator.Less => left < right,
                ComparisonOperator.LessOrEqual => left <= right,
                ComparisonOperator.Greater => left > right,
                _ => left >= right,
            };
        }
        var same = string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase);
        return Operator switch
        {
            ComparisonOperator.Equal => same,
            ComparisonOperator.NotEqual => !same,
            _ => false,
        };
    }
}

/// <summary>A condition: comparisons joined by <c>and</c> (binds first) and <c>or</c>.</summary>
public sealed record Condition(IReadOnlyList<IReadOnlyList<Comparison>> AnyOf)
{
    public bool Holds(IReadOnlyDictionary<string, string> variables) =>
        AnyOf.Any(all => all.All(c => c.Holds(variables)));

    public IEnumerable<string> Variables => AnyOf.SelectMany(all => all).Select(c => c.Variable);
}
