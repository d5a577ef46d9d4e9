namespace PeerBot.Language;

/// <summary>
/// The service answered with an HTTP error or a body we cannot read. The message carries the status and the
/// service's error codes only: never the documents sent, and never the service's free-text message (it can
/// quote the input).
/// </summary>
public sealed class LanguageServiceException : Exception
{
    public LanguageServiceException() : this(0, null, null)
    {
    }

    public LanguageServiceException(string message) : base(message)
    {
    }

    public LanguageServiceException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public LanguageServiceException(int status, string? errorCode, string? innerErrorCode, Exception? innerException = null)
        : base(Describe(status, errorCode, innerErrorCode), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        InnerErrorCode = innerErrorCode;
    }

    /// <summary>HTTP status; 0 when the response body was unreadable.</summary>
    public int Status { get; }

    /// <summary><c>error.code</c> from the body, or the <c>x-ms-error-code</c> header.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.innererror.code</c> from the body, when present.</summary>
    public string? InnerErrorCode { get; }

    private static string Describe(int status, string? errorCode, string? innerErrorCode) =>
        $"Azure AI Language request failed: status {status}, code {errorCode ?? "none"}, inner code {innerErrorCode ?? "none"}.";
}
