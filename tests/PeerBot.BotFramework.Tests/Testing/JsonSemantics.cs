using System.Globalization;
using System.Text.Json.Nodes;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>
/// Compares JSON by meaning under the protocol's conventions (PROTOCOL.md §1.1): property order is irrelevant, a
/// property whose value is null equals an absent one, and two ISO-8601 timestamps are equal when they denote the
/// same instant with the same offset (<c>Z</c> = <c>+00:00</c>).
/// </summary>
internal static class JsonSemantics
{
    /// <summary>The path of the first difference, or null when equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                var keys = e.Where(p => p.Value is not null).Select(p => p.Key)
                    .Union(a.Where(p => p.Value is not null).Select(p => p.Key));
                foreach (var key in keys)
                {
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } diff)
                        return diff;
                }
                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                    return $"{path} (length {e.Count} vs {a.Count})";
                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } diff)
                        return diff;
                }
                return null;
            case (JsonValue e, JsonValue a):
                return ValuesEqual(e, a) ? null : $"{path} ({e.ToJsonString()} vs {a.ToJsonString()})";
            default:
                return $"{path} (kind differs)";
        }
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        if (JsonNode.DeepEquals(expected, actual))
            return true;
        return expected.TryGetValue<string>(out var e) && actual.TryGetValue<string>(out var a)
            && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.None, out var de)
            && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.None, out var da)
            && de.UtcTicks == da.UtcTicks && de.Offset == da.Offset;
    }
}
