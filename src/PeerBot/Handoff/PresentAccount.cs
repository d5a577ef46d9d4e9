using System.Text.Json.Serialization;

namespace PeerBot.Handoff;

/// <summary>A staff account with a console open (ids and display names of staff only, never client data).</summary>
public sealed record PresentAccount(
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("c")] bool Coordinator);
