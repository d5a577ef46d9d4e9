using System.Text.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Conversations;

/// <summary>
/// Reads and validates an inbound activity body: at most 256 KB (413 above), valid JSON (400), a type, a channel
/// and a conversation id (400), and a service URL unless the replies come back in the body.
/// </summary>
public static class ActivityReader
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<(Activity? Activity, int StatusCode, string? Error)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
            return (null, StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
            return (null, StatusCodes.Status400BadRequest, "The request body is empty.");

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotJson.Options);
        }
        catch (JsonException)
        {
            // The exception message can quote the body; only the category is reported.
            return (null, StatusCodes.Status400BadRequest, "The body is not a valid activity (malformed JSON or a field of the wrong type).");
        }

        var error = Validate(activity);
        return error is null ? (activity, StatusCodes.Status200OK, null) : (null, StatusCodes.Status400BadRequest, error);
    }

    public static string? Validate(Activity? activity)
    {
        if (activity is null)
            return "The body is not an activity.";
        if (string.IsNullOrWhiteSpace(activity.Type))
            return "The activity has no type.";
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
            return "The activity has no channelId.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            return "The activity has no conversation id.";
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
            return "The activity has no valid serviceUrl.";
        return null;
    }
}
