namespace PeerBot.Language;

/// <summary>
/// One document's outcome: a value, or the service's document-level error. Documents the service left out of
/// its answer get <see cref="LanguageError.NotReturnedCode"/>.
/// </summary>
public sealed record LanguageDocumentResult<T>(string Id, T? Value, LanguageError? Error, IReadOnlyList<LanguageWarning> Warnings)
    where T : class
{
    public bool IsSuccess => Value is not null && Error is null;
}

/// <summary>A service error code. The service's message is not kept: it can quote the document.</summary>
public sealed record LanguageError(string Code, string? InnerCode)
{
    public const string NotReturnedCode = "DocumentNotReturned";
}

/// <summary>A document warning code (for example <c>LongWordsInDocument</c>).</summary>
public sealed record LanguageWarning(string Code);
