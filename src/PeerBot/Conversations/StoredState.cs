using System.Text.Json;

namespace PeerBot.Conversations;

/// <summary>
/// The JSON form of the state kept on a <see cref="ConversationRecord"/> (<c>DialogStateJson</c>,
/// <c>SafetyStateJson</c>): one place, so the turn pipeline and the desk (which ends a crisis episode on close) read
/// and write it alike.
/// </summary>
internal static class StoredState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static T Read<T>(string? json) where T : new() =>
        json is null ? new T() : JsonSerializer.Deserialize<T>(json, Json) ?? new T();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);
}
