using System.Buffers;
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

        // The body is read into a pooled buffer (a new 16 KB array per request was a top allocation under load).
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, MaxBytes) + 1);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBytes)
                        return (null, StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
                if (length > MaxBytes)
                    return (null, StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");
            }

            if (length == 0)
                return (null, StatusCodes.Status400BadRequest, "The request body is empty.");

            Activity? activity;
            try
            {
                activity = JsonSerializer.Deserialize<Activity>(buffer.AsSpan(0, length), BotJson.Options);
            }
            catch (JsonException)
            {
                // The exception message can quote the body; only the category is reported.
                return (null, StatusCodes.Status400BadRequest, "The body is not a valid activity (malformed JSON or a field of the wrong type).");
            }

            var error = Validate(activity);
            return error is null ? (activity, StatusCodes.Status200OK, null) : (null, StatusCodes.Status400BadRequest, error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
