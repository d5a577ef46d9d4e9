using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Tests.Testing;

/// <summary>
/// The network edge: a Bot Connector that records what PeerBot sends (real HTTP requests serialized by the real
/// ConnectorClient) and can be told to fail the next N sends.
/// </summary>
public sealed class FakeConnector : HttpMessageHandler
{
    private int _failuresLeft;
    private int _nextId;

    public ConcurrentQueue<SentActivity> Sent { get; } = new();

    public HttpStatusCode FailureStatus { get; set; } = HttpStatusCode.ServiceUnavailable;

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>What the client read: the text, or a card's title and text when the message is a card.</summary>
    public IReadOnlyList<string> TextsTo(string conversationId) =>
        Sent.Where(s => s.ConversationId == conversationId).Select(s => Readable(s.Activity)).ToList();

    public static string Readable(Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Text))
            return activity.Text;
        var parts = new List<string>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is not { ValueKind: JsonValueKind.Object } content)
                continue;
            foreach (var name in new[] { "title", "text" })
            {
                if (content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    parts.Add(value.GetString()!);
            }
        }
        return string.Join("\n", parts);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            return new HttpResponseMessage(FailureStatus) { Content = new StringContent("{\"error\":{\"code\":\"ServiceError\"}}") };

        var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options)!;
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var conversationId = segments.Length >= 3 ? Uri.UnescapeDataString(segments[2]) : string.Empty;
        Sent.Enqueue(new SentActivity(request.RequestUri, conversationId, activity, request.Headers.Authorization?.ToString()));
        var id = Interlocked.Increment(ref _nextId);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"id\":\"sent-{id}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
    }
}

public sealed record SentActivity(Uri Uri, string ConversationId, Activity Activity, string? Authorization);
