using Azure;
using PeerBot.Conversations;
using PeerBot.Safety;

namespace PeerBot.Language;

/// <summary>
/// The safety screen's optional sentiment signal from Azure AI Language. Any failure is a missing reading
/// (null), never an exception: the screen falls back to the lexicon. Cancellation (the screen's one-second
/// budget) still propagates.
/// </summary>
public sealed class AzureSentimentSource(LanguageClient client, ILogger<AzureSentimentSource> logger) : ISentimentSource
{
    public async Task<SentimentReading?> ReadAsync(ClientText text, string locale, CancellationToken cancellationToken)
    {
        if (text.IsEmpty)
            return null;

        LanguageDocumentResult<DocumentSentiment> result;
        try
        {
            result = await client.AnalyzeSentimentAsync(text, locale, cancellationToken).ConfigureAwait(false);
        }
        catch (LanguageServiceException ex)
        {
            LanguageLog.SentimentFailed(logger, ex.Status, ex.ErrorCode);
            return null;
        }
        catch (RequestFailedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LanguageLog.Unreachable(logger, ex.ErrorCode ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        if (result.Value is not { } sentiment)
        {
            LanguageLog.SentimentDocumentError(logger, result.Error?.Code ?? "Unknown", result.Error?.InnerCode);
            return null;
        }
        return new SentimentReading(sentiment.Sentiment.ToString().ToLowerInvariant(), sentiment.Scores.Negative);
    }
}
