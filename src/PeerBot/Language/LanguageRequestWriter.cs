using System.Text.Json;
using PeerBot.Conversations;

namespace PeerBot.Language;

/// <summary>Writes the analyze-text request body (2024-11-01 contract).</summary>
internal static class LanguageRequestWriter
{
    /// <summary>The service's per-document limit is 5,120 text elements; we stay under it in UTF-16 units.</summary>
    public const int MaxDocumentLength = 5_000;

    public static byte[] Write(string kind, IReadOnlyList<ClientText> texts, string language, Action<Utf8JsonWriter> parameters)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
            throw new ArgumentException("At least one document is required.", nameof(texts));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteStartObject("parameters");
            writer.WriteString("modelVersion", "latest");
            // Offsets that match .NET string indices, and no copy kept by the service for its own debugging.
            writer.WriteString("stringIndexType", "Utf16CodeUnit");
            writer.WriteBoolean("loggingOptOut", true);
            parameters(writer);
            writer.WriteEndObject();
            writer.WriteStartObject("analysisInput");
            writer.WriteStartArray("documents");
            for (var i = 0; i < texts.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", LanguageResponseReader.DocumentId(i));
                writer.WriteString("language", LanguageCode(language));
                writer.WriteString("text", Truncate(texts[i].Value));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static void WritePiiParameters(Utf8JsonWriter writer, PiiOptions options)
    {
        if (options.Domain is not null)
            writer.WriteString("domain", options.Domain);
        if (options.Categories.Count > 0)
            WriteArray(writer, "piiCategories", options.Categories);
        if (options.ExcludeCategories.Count > 0)
            WriteArray(writer, "excludePiiCategories", options.ExcludeCategories);
        if (options.RedactionCharacter is { } mask)
            writer.WriteString("redactionCharacter", mask.ToString());
    }

    /// <summary>"es-US" → "es"; empty → "en". The service takes ISO 639-1 codes (and a few with a region).</summary>
    public static string LanguageCode(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return "en";
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).ToLowerInvariant();
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxDocumentLength)
            return text;
        var end = char.IsHighSurrogate(text[MaxDocumentLength - 1]) ? MaxDocumentLength - 1 : MaxDocumentLength;
        return text[..end];
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
