using System.Text.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Connector;

/// <summary>
/// Connector REST API v3 client (PROTOCOL.md §2). Ids are URL-encoded, a missing trailing slash on the service URL
/// is tolerated, calls for one conversation run one at a time in call order, transient failures are retried
/// (Retry-After honoured, else exponential backoff with jitter), and the bearer token goes only to verified
/// service URLs (see <see cref="TrustedServiceUrls"/>); in anonymous mode no token is sent. A final failure
/// throws <see cref="ConnectorException"/>.
/// </summary>
public sealed class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly ConnectorPipeline _pipeline;

    /// <summary>
    /// Created as a typed HTTP client (<c>services.AddHttpClient&lt;ConnectorClient&gt;()</c>, which
    /// <see cref="BotFrameworkServices.AddBotFramework"/> does).
    /// </summary>
    public ConnectorClient(HttpClient http, ConnectorPipeline pipeline)
    {
        _http = http;
        _pipeline = pipeline;
    }

    /// <summary>
    /// Sends <paramref name="activity"/> to a conversation: a reply to <paramref name="replyToId"/> when set
    /// (<c>POST v3/conversations/{id}/activities/{replyToId}</c>), else a new message
    /// (<c>POST v3/conversations/{id}/activities</c>). Returns the new activity's id when the channel gives one.
    /// </summary>
    public Task<ResourceResponse> SendAsync(
        string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = ActivitiesPath(conversationId) + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        return InConversationAsync(serviceUrl, conversationId, replyToId is null ? "send" : "reply",
            HttpMethod.Post, path, activity, ReadResource, cancellationToken, activity.ChannelId);
    }

    /// <summary>Replaces a sent activity (<c>PUT v3/conversations/{id}/activities/{activityId}</c>).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return InConversationAsync(serviceUrl, conversationId, "update", HttpMethod.Put,
            ActivitiesPath(conversationId) + "/" + Uri.EscapeDataString(activityId), activity, ReadResource, cancellationToken,
            activity.ChannelId);
    }

    /// <summary>Deletes a sent activity (<c>DELETE v3/conversations/{id}/activities/{activityId}</c>).</summary>
    public Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return InConversationAsync<object?, bool>(serviceUrl, conversationId, "delete", HttpMethod.Delete,
            ActivitiesPath(conversationId) + "/" + Uri.EscapeDataString(activityId), null, _ => true, cancellationToken);
    }

    /// <summary>Uploads past activities (<c>POST v3/conversations/{id}/activities/history</c>).</summary>
    public Task<ResourceResponse> SendConversationHistoryAsync(
        string serviceUrl, string conversationId, Transcript transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return InConversationAsync(serviceUrl, conversationId, "sendHistory", HttpMethod.Post,
            ActivitiesPath(conversationId) + "/history", transcript, ReadResource, cancellationToken);
    }

    /// <summary>Starts a conversation (<c>POST v3/conversations</c>), e.g. a first proactive message (PROTOCOL.md §5).</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var request = Request("createConversation", HttpMethod.Post, serviceUrl, "v3/conversations", parameters);
        var response = await _pipeline.SendAsync(_http, request, cancellationToken);
        return Read<ConversationResourceResponse>(response) ?? new ConversationResourceResponse();
    }

    private Task<TResult> InConversationAsync<TBody, TResult>(string serviceUrl, string conversationId, string operation,
        HttpMethod method, string path, TBody body, Func<ConnectorResponse, TResult> read, CancellationToken cancellationToken,
        string? channelId = null)
    {
        var request = Request(operation, method, serviceUrl, path, body);
        var key = TrustedServiceUrls.Normalize(serviceUrl) + "\n" + conversationId;
        var limits = ConversationPacer.LimitsFor(channelId);
        return _pipeline.Queue.RunAsync(key, async () =>
        {
            // Teams: sends to one conversation stay under its published rate (7/s, 8/2 s, 60/30 s, 1,800/h).
            await _pipeline.Pacer.WaitTurnAsync(key, limits, cancellationToken);
            return read(await _pipeline.SendAsync(_http, request, cancellationToken));
        }, cancellationToken);
    }

    private static ConnectorRequest Request<TBody>(string operation, HttpMethod method, string serviceUrl, string path, TBody body)
    {
        if (TrustedServiceUrls.Normalize(serviceUrl) is null)
            throw new ArgumentException("The service URL must be an absolute http(s) URL without query.", nameof(serviceUrl));
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, BotJson.Options);
        return new ConnectorRequest(operation, method, serviceUrl, new Uri(baseUri, path), bytes);
    }

    private static string ActivitiesPath(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
    }

    private static ResourceResponse ReadResource(ConnectorResponse response) =>
        Read<ResourceResponse>(response) ?? new ResourceResponse(null);

    /// <summary>The body of a successful call; channels may answer 202 with none, or with non-JSON.</summary>
    private static T? Read<T>(ConnectorResponse response) where T : class
    {
        if (response.Body.Length == 0)
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, BotJson.Options);
        }
        catch (JsonException)
        {
            return null; // the call succeeded; only the optional id is missing
        }
    }
}
