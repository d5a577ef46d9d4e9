using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PeerBot.Conversations;

namespace PeerBot.Language;

/// <summary>
/// Azure AI Language analyze-text (<c>POST {endpoint}/language/:analyze-text</c>) on the Azure.Core pipeline:
/// sentiment with opinion mining, and PII recognition with redaction. Documents are sent with logging opted out
/// and UTF-16 offsets. Document-level errors come back as values; HTTP errors throw
/// <see cref="LanguageServiceException"/> (status and codes only); transport failures surface as Azure.Core's
/// <see cref="RequestFailedException"/>.
/// </summary>
public sealed class LanguageClient
{
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;
    private readonly string _apiVersion;

    public LanguageClient(Uri endpoint, AzureKeyCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, options ?? new LanguageClientOptions(), new SubscriptionKeyPolicy(credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    public LanguageClient(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, options ?? new LanguageClientOptions(),
            new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), TokenScope))
    {
    }

    private LanguageClient(Uri endpoint, LanguageClientOptions options, HttpPipelinePolicy authentication)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _apiVersion = options.ApiVersion;
        _pipeline = HttpPipelineBuilder.Build(options, authentication);
    }

    public async Task<LanguageDocumentResult<DocumentSentiment>> AnalyzeSentimentAsync(
        ClientText text, string language, CancellationToken cancellationToken) =>
        (await AnalyzeSentimentAsync([text], language, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Sentiment with opinion mining; one result per input, in input order.</summary>
    public async Task<IReadOnlyList<LanguageDocumentResult<DocumentSentiment>>> AnalyzeSentimentAsync(
        IReadOnlyList<ClientText> texts, string language, CancellationToken cancellationToken)
    {
        var body = LanguageRequestWriter.Write("SentimentAnalysis", texts, language, w => w.WriteBoolean("opinionMining", true));
        var envelope = await SendAsync<LanguageWire.SentimentDocument>(body, cancellationToken).ConfigureAwait(false);
        return LanguageResponseReader.InInputOrder(texts.Count, envelope.Results, d => d.Id,
            LanguageResponseReader.Sentiment, d => d.Warnings);
    }

    public async Task<LanguageDocumentResult<PiiDocument>> RecognizePiiAsync(
        ClientText text, string language, PiiOptions? options, CancellationToken cancellationToken) =>
        (await RecognizePiiAsync([text], language, options, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>PII entities and the redacted text; one result per input, in input order.</summary>
    public async Task<IReadOnlyList<LanguageDocumentResult<PiiDocument>>> RecognizePiiAsync(
        IReadOnlyList<ClientText> texts, string language, PiiOptions? options, CancellationToken cancellationToken)
    {
        var body = LanguageRequestWriter.Write("PiiEntityRecognition", texts, language,
            w => LanguageRequestWriter.WritePiiParameters(w, options ?? new PiiOptions()));
        var envelope = await SendAsync<LanguageWire.PiiDocument>(body, cancellationToken).ConfigureAwait(false);
        return LanguageResponseReader.InInputOrder(texts.Count, envelope.Results, d => d.Id,
            LanguageResponseReader.Pii, d => d.Warnings);
    }

    /// <summary>
    /// The text with every PII entity masked, for the privacy features (summaries). No copy is kept here.
    /// A document-level error comes back as the result's error; the caller decides whether to drop the text.
    /// </summary>
    public async Task<LanguageDocumentResult<RedactedText>> RedactAsync(
        ClientText text, string language, CancellationToken cancellationToken)
    {
        var result = await RecognizePiiAsync(text, language, null, cancellationToken).ConfigureAwait(false);
        return new LanguageDocumentResult<RedactedText>(result.Id,
            result.Value is null ? null : new RedactedText(result.Value.RedactedText, result.Value.Entities.Count),
            result.Error, result.Warnings);
    }

    private async Task<LanguageWire.Envelope<TDocument>> SendAsync<TDocument>(
        byte[] body, CancellationToken cancellationToken)
    {
        using var request = _pipeline.CreateRequest();
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/language/:analyze-text", escape: false);
        request.Uri.AppendQuery("api-version", _apiVersion);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        request.Content = RequestContent.Create(body);

        using var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsError)
            throw Failure(response);
        try
        {
            return JsonSerializer.Deserialize<LanguageWire.Envelope<TDocument>>(response.Content.ToMemory().Span, LanguageWire.Json)
                ?? throw new LanguageServiceException(response.Status, "EmptyBody", null);
        }
        catch (JsonException ex)
        {
            // JsonException messages can quote the payload; keep only the type of failure.
            throw new LanguageServiceException(response.Status, "UnreadableBody", null, innerException: null)
            {
                Data = { ["JsonPath"] = ex.Path },
            };
        }
    }

    private static LanguageServiceException Failure(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        LanguageWire.ErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize<LanguageWire.ErrorResponse>(response.Content.ToMemory().Span, LanguageWire.Json)?.Error;
        }
        catch (JsonException)
        {
            // Not the documented ErrorResponse shape (for example a gateway's HTML page): the status says enough.
        }
        return new LanguageServiceException(response.Status, error?.Code ?? headerCode, error?.InnerError?.Code);
    }
}

/// <summary>A redacted copy of a client's text and how many entities were masked.</summary>
public sealed record RedactedText(ClientText Text, int EntityCount);
