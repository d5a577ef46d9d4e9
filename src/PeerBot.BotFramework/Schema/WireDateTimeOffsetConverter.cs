using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>
/// Reads ISO-8601 timestamps in the forms channels send (<c>Z</c>, <c>+00:00</c>, 7-digit fractions) keeping
/// the offset; writes UTC values with <c>Z</c> as the protocol asks (A2040) and others with their offset.
/// </summary>
internal sealed class WireDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("A timestamp must be a JSON string.");
        if (reader.TryGetDateTimeOffset(out var value))
            return value;
        var text = reader.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value))
            return value;
        throw new JsonException("A timestamp is not in ISO-8601 form.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        else
            writer.WriteStringValue(value);
    }
}
