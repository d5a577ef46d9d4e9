using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.Language;

/// <summary>The analyze-text response as it arrives on the wire (2024-11-01). Mapped to our records by <see cref="LanguageResponseReader"/>.</summary>
internal static class LanguageWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Envelope<TDocument>(string? Kind, Results<TDocument>? Results);

    public sealed record Results<TDocument>(
        IReadOnlyList<TDocument>? Documents, IReadOnlyList<DocumentError>? Errors, string? ModelVersion);

    public sealed record DocumentError(string? Id, ErrorBody? Error);

    public sealed record ErrorResponse(ErrorBody? Error);

    public sealed record ErrorBody(string? Code, [property: JsonPropertyName("innererror")] ErrorBody? InnerError);

    public sealed record Warning(string? Code);

    public sealed record Scores(double Positive, double Neutral, double Negative);

    public sealed record SentimentDocument(
        string? Id, string? Sentiment, Scores? ConfidenceScores, IReadOnlyList<Sentence>? Sentences,
        IReadOnlyList<Warning>? Warnings);

    public sealed record Sentence(
        string? Sentiment, Scores? ConfidenceScores, int Offset, int Length, string? Text,
        IReadOnlyList<Target>? Targets, IReadOnlyList<Assessment>? Assessments);

    public sealed record Target(
        string? Sentiment, Scores? ConfidenceScores, int Offset, int Length, string? Text,
        IReadOnlyList<Relation>? Relations);

    public sealed record Relation(string? RelationType, [property: JsonPropertyName("ref")] string? Ref);

    public sealed record Assessment(
        string? Sentiment, Scores? ConfidenceScores, int Offset, int Length, string? Text, bool IsNegated);

    public sealed record PiiDocument(
        string? Id, string? RedactedText, IReadOnlyList<PiiEntity>? Entities, IReadOnlyList<Warning>? Warnings);

    public sealed record PiiEntity(
        string? Text, string? Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);
}
