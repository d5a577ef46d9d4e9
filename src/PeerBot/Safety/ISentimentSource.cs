using PeerBot.Conversations;

namespace PeerBot.Safety;

/// <summary>An optional sentiment reading (Azure AI Language). Negative is the model's negative confidence 0–1.</summary>
public sealed record SentimentReading(string Label, double Negative);

/// <summary>
/// A seam for an external sentiment signal. It can only raise a tier, never lower one, and the screen gives it at
/// most one second. Not registered when Azure AI Language is not configured.
/// </summary>
public interface ISentimentSource
{
    Task<SentimentReading?> ReadAsync(ClientText text, string locale, CancellationToken cancellationToken);
}
