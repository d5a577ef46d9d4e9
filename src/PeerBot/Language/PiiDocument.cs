using PeerBot.Conversations;

namespace PeerBot.Language;

/// <summary>PII found in one document, and the document with each entity masked.</summary>
public sealed record PiiDocument(ClientText RedactedText, IReadOnlyList<PiiEntity> Entities);

/// <summary>One PII entity. Offsets are UTF-16 code units (we send <c>stringIndexType: Utf16CodeUnit</c>).</summary>
public sealed record PiiEntity(
    string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore, ClientText Text);

/// <summary>
/// PII task parameters of the 2024-11-01 contract. That version masks each character of an entity with
/// <see cref="RedactionCharacter"/> (default <c>*</c>); entity-label redaction policies arrived in later versions.
/// </summary>
public sealed record PiiOptions
{
    /// <summary>Mask character, one of the characters the service accepts (for example <c>*</c>, <c>-</c>, <c>#</c>).</summary>
    public char? RedactionCharacter { get; init; }

    /// <summary>Only these categories (for example <c>Person</c>, <c>PhoneNumber</c>); all when empty.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Categories to leave in the text.</summary>
    public IReadOnlyList<string> ExcludeCategories { get; init; } = [];

    /// <summary><c>phi</c> for protected health information, or null for all PII.</summary>
    public string? Domain { get; init; }
}
