using PeerBot.Conversations;
using PeerBot.Language;

namespace PeerBot.Summaries;

/// <summary>
/// Redacts free text before it goes into a summary: <see cref="PiiRedactor"/> always, then names (and any PII the
/// patterns missed) through Azure AI Language when it is configured. When the service is configured but fails,
/// the text is withheld rather than stored half-redacted.
/// </summary>
public sealed class SummaryRedactor(ILogger<SummaryRedactor> logger, LanguageClient? language = null)
{
    public const string Withheld = "[withheld: redaction unavailable]";

    public async Task<string> RedactAsync(string text, string locale, CancellationToken cancellationToken)
    {
        var shaped = PiiRedactor.Redact(text).Text;
        if (language is null)
            return shaped;
        try
        {
            var result = await language.RedactAsync(new ClientText(shaped), LanguageOf(locale), cancellationToken);
            if (result.IsSuccess)
                return result.Value!.Text.Value;
            SummaryLog.RedactionFailed(logger, result.Error?.Code ?? "unknown");
            return Withheld;
        }
        catch (LanguageServiceException ex)
        {
            SummaryLog.RedactionFailed(logger, ex.GetType().Name);
            return Withheld;
        }
    }

    private static string LanguageOf(string locale) =>
        locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? "es" : "en";
}
