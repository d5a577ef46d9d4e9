using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.DirectLine;

/// <summary>The Direct Line WebSocket stream: each new batch of activities is pushed as an ActivitySet.</summary>
internal static class DirectLineStream
{
    public static async Task StreamAsync(
        string conversationId, string? t, string? watermark, HttpContext http, DirectLineStore store, TimeProvider clock)
    {
        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (t is null || !DirectLineEndpoints.FixedEquals(t, conversation.Token))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var cancellationToken = http.RequestAborted;
        var next = DirectLineEndpoints.ParseWatermark(watermark);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = DrainAsync(socket, closing);

        while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
        {
            var (activities, mark, changed) = conversation.Since(next, clock.GetUtcNow());
            if (activities.Count > 0)
            {
                next = mark;
                var payload = JsonSerializer.SerializeToUtf8Bytes(
                    new ActivitySet(activities, mark.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
                await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
            }
            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(30), closing.Token);
            }
            catch (TimeoutException)
            {
                // Keep-alive, as Direct Line sends empty messages on an idle stream.
                await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, closing.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (socket.State == WebSocketState.Open)
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    /// <summary>Reads (and ignores) client frames so a close from the client is noticed.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away; the stream loop below ends on the cancellation.
        }
        finally
        {
            await closing.CancelAsync();
        }
    }
}
