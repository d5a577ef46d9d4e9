namespace PeerBot.Language;

internal static partial class LanguageLog
{
    [LoggerMessage(6001, LogLevel.Warning, "Azure AI Language sentiment failed: status {Status}, code {ErrorCode}")]
    public static partial void SentimentFailed(ILogger logger, int status, string? errorCode);

    [LoggerMessage(6002, LogLevel.Warning, "Azure AI Language sentiment document error {ErrorCode} ({InnerErrorCode})")]
    public static partial void SentimentDocumentError(ILogger logger, string errorCode, string? innerErrorCode);

    [LoggerMessage(6003, LogLevel.Warning, "Azure AI Language unreachable: {ErrorCode}")]
    public static partial void Unreachable(ILogger logger, string? errorCode);

    [LoggerMessage(6004, LogLevel.Information, "Azure AI Language configured ({Authentication}, api-version {ApiVersion})")]
    public static partial void Configured(ILogger logger, string authentication, string apiVersion);
}
