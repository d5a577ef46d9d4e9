using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>The wire's JSON conventions: camelCase out, case-insensitive in, nulls omitted (PROTOCOL.md §1.1).</summary>
public static class BotJson
{
    /// <summary>
    /// Options for reading and writing activities. Timestamps are read tolerantly (any ISO-8601 form, offset kept)
    /// and written with <c>Z</c> when the offset is zero.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Converters = { new WireDateTimeOffsetConverter() },
    };
}
