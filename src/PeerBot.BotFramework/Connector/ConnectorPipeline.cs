using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Connector;

/// <summary>
/// What every <see cref="ConnectorClient"/> shares: the token provider, the verified service URLs, the
/// per-conversation send order and the retry policy. Registered by <see cref="BotFrameworkServices.AddBotFramework"/>;
/// it has no public members.
/// </summary>
/// <remarks>
/// A call attaches the bearer token only for verified service URLs (never in anonymous mode), renews the token once
/// on 401, retries transient failures, and turns a final failure into <see cref="ConnectorException"/>.
/// </remarks>
public sealed class ConnectorPipeline
{
    private readonly ConnectorTokenProvider _tokens;
    private readonly TrustedServiceUrls _trusted;
    private readonly IOptions<BotFrameworkOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConnectorPipeline> _logger;

    internal ConnectorPipeline(ConnectorTokenProvider tokens, TrustedServiceUrls trusted, IOptions<BotFrameworkOptions> options,
        TimeProvider clock, ILogger<ConnectorPipeline> logger)
    {
        _tokens = tokens;
        _trusted = trusted;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Calls for one conversation run one at a time, in call order.</summary>
    internal ConversationSendQueue Queue { get; } = new();

    /// <summary>
    /// Per-conversation rate limits of the channel (Teams), applied inside that order. The channel counts in wall-clock
    /// time, so the pacer does too, whatever clock the rest of the app runs on.
    /// </summary>
    internal ConversationPacer Pacer { get; } = new(TimeProvider.System);

    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    internal async Task<ConnectorResponse> SendAsync(HttpClient http, ConnectorRequest request, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var host = request.Uri.Host;
        var useToken = !settings.IsAnonymous && _trusted.IsTrusted(request.ServiceUrl);
        if (!settings.IsAnonymous && !useToken)
            BotFrameworkLog.UnverifiedServiceUrl(_logger, request.Operation, host);

        var attempts = 0;
        var renewedToken = false;
        while (true)
        {
            attempts++;
            var token = useToken ? await GetTokenAsync(request, attempts, cancellationToken) : null;
            using var message = CreateMessage(request, token);
            TimeSpan delay;
            int? status = null;
            try
            {
                using var response = await http.SendAsync(message, cancellationToken);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new ConnectorResponse(status.Value, await response.Content.ReadAsByteArrayAsync(cancellationToken));
                if (status == 401 && token is not null && !renewedToken)
                {
                    renewedToken = true;
                    attempts--;
                    _tokens.Invalidate(token);
                    BotFrameworkLog.RenewingTokenAfter401(_logger, request.Operation, host);
                    continue;
                }
                var retryAfter = ConnectorRetryPolicy.RetryAfter(response.Headers.RetryAfter, _clock.GetUtcNow());
                if (!ConnectorRetryPolicy.IsTransient(status.Value) || attempts > settings.ConnectorMaxRetries
                    || retryAfter > settings.ConnectorMaxRetryAfter)
                    throw await FailureAsync(request, response, attempts, cancellationToken);
                delay = retryAfter ?? Backoff(attempts, settings);
            }
            catch (HttpRequestException) when (attempts <= settings.ConnectorMaxRetries)
            {
                delay = Backoff(attempts, settings);
            }
            catch (HttpRequestException ex)
            {
                throw Failed(request, null, "NetworkError", null, attempts, null, ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempts > settings.ConnectorMaxRetries)
                    throw Failed(request, null, "Timeout", null, attempts, null, ex);
                delay = Backoff(attempts, settings);
            }
            BotFrameworkLog.ConnectorRetrying(_logger, request.Operation, host, status, attempts, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _clock, cancellationToken);
        }
    }

    private async Task<string?> GetTokenAsync(ConnectorRequest request, int attempts, CancellationToken cancellationToken)
    {
        try
        {
            return await _tokens.GetTokenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Failed(request, null, "TokenUnavailable", null, attempts, null, ex);
        }
    }

    private const string UserAgent = "PeerBot.BotFramework/1.0 Microsoft-BotFramework/3.1";

    private static HttpRequestMessage CreateMessage(ConnectorRequest request, string? token)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent); // a constant: no parsing per request
        if (token is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Body is not null)
            message.Content = new ByteArrayContent(request.Body) { Headers = { ContentType = JsonContentType } };
        return message;
    }

    private static TimeSpan Backoff(int attempt, BotFrameworkOptions settings) =>
#pragma warning disable CA5394 // jitter, not security
        ConnectorRetryPolicy.Backoff(attempt, settings.ConnectorRetryBaseDelay, settings.ConnectorRetryMaxDelay, Random.Shared.NextDouble());
#pragma warning restore CA5394

    private async Task<ConnectorException> FailureAsync(
        ConnectorRequest request, HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        ConnectorError? error = null;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length > 0)
                error = JsonSerializer.Deserialize<ErrorResponse>(body, BotJson.Options)?.Error;
        }
        catch (JsonException)
        {
            error = null; // not an ErrorResponse; the status code alone describes the failure
        }
        var correlationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        return Failed(request, (int)response.StatusCode, error?.Code, error?.SubCode, attempts, correlationId, null);
    }

    private ConnectorException Failed(ConnectorRequest request, int? status, string? code, string? subCode,
        int attempts, string? correlationId, Exception? inner)
    {
        BotFrameworkLog.ConnectorFailed(_logger, request.Operation, request.Uri.Host, status, code, attempts, correlationId);
        return new ConnectorException(request.Operation, status, code, subCode, attempts, correlationId, inner);
    }
}
