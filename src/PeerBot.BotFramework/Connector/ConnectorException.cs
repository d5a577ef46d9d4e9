namespace PeerBot.BotFramework.Connector;

/// <summary>
/// A connector call failed for good: a non-retryable status, retries exhausted, or no token could be obtained.
/// Carries codes only; the service's message text is not copied in.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ConnectorException() : this("A connector call failed.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public ConnectorException(string message) : base(message)
    {
        Operation = "unknown";
    }

    /// <summary>Creates an exception with <paramref name="message"/> and its cause.</summary>
    public ConnectorException(string message, Exception innerException) : base(message, innerException)
    {
        Operation = "unknown";
    }

    internal ConnectorException(string operation, int? statusCode, string? errorCode, string? errorSubCode,
        int attempts, string? correlationId, Exception? innerException = null)
        : base(Describe(operation, statusCode, errorCode, errorSubCode, attempts), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorSubCode = errorSubCode;
        Attempts = attempts;
        CorrelationId = correlationId;
    }

    /// <summary>send, reply, update, delete, createConversation or sendHistory.</summary>
    public string Operation { get; }

    /// <summary>HTTP status of the last attempt; null when no response came (network error, token failure).</summary>
    public int? StatusCode { get; }

    /// <summary><c>error.code</c> of the response (e.g. <c>BotNotInConversationRoster</c>), or our own code
    /// (<c>NetworkError</c>, <c>Timeout</c>, <c>TokenUnavailable</c>) when there was no response.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.subCode</c> of the response, e.g. Teams' <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorSubCode { get; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }

    /// <summary>The connector's <c>X-Correlating-OperationId</c>, for support requests.</summary>
    public string? CorrelationId { get; }

    private static string Describe(string operation, int? statusCode, string? errorCode, string? errorSubCode, int attempts) =>
        $"Connector {operation} failed with status {(statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}"
        + (errorCode is null ? "" : $" ({errorCode}{(errorSubCode is null ? "" : "/" + errorSubCode)})")
        + $" after {attempts} attempt(s).";
}
