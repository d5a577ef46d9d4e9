using System.Net.Http.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Connector;

/// <summary>
/// Connector REST API v3 client (PROTOCOL.md §2). PLACEHOLDER: the foundation issue replaces this with the real
/// client (retries, per-conversation ordering, tokens only to verified service URLs).
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    /// <summary>Sends an activity to a conversation (proactive or reply when <paramref name="replyToId"/> is set).</summary>
    public async Task<ResourceResponse> SendAsync(
        string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (replyToId is null ? string.Empty : "/" + Uri.EscapeDataString(replyToId));
        using var response = await http.PostAsJsonAsync(new Uri(new Uri(baseUrl), path), activity, BotJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken)
            ?? new ResourceResponse(null);
    }
}
