using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>The wire's JSON conventions: camelCase out, case-insensitive in, nulls omitted (PROTOCOL.md §1.1).</summary>
public static class BotJson
{
    /// <summary>Options for reading and writing activities.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };
}
