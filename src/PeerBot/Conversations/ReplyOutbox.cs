using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Data;

namespace PeerBot.Conversations;

/// <summary>
/// The one outbound path for everything a client receives (bot replies, crisis texts, peer messages). Rows are
/// written with the turn's state, then sent in order per conversation; a failed send stays queued and is retried
/// with backoff by <see cref="OutboxSweeper"/>.
/// </summary>
public sealed class ReplyOutbox(
    IServiceScopeFactory scopes,
    OutboundSender sender,
    ConnectorClient connector,
    TrustedServiceUrls trustedServiceUrls,
    ConversationLocks locks,
    TimeProvider clock,
    ILogger<ReplyOutbox> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    public static void Enqueue(
        PeerBotDb db, string conversationKey, IEnumerable<Activity> activities, string? replyToId, DateTimeOffset now)
    {
        foreach (var activity in activities)
        {
            db.Add(new OutboxMessage
            {
                ConversationKey = conversationKey,
                ActivityJson = JsonSerializer.Serialize(activity, BotJson.Options),
                ReplyToId = replyToId,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>Sends what is due for one conversation, oldest first; stops at the first failure to keep order.</summary>
    public async Task<int> DispatchAsync(string conversationKey, CancellationToken cancellationToken)
    {
        using var lease = await locks.AcquireAsync("send:" + conversationKey, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var now = clock.GetUtcNow();
        // Order per conversation: nothing is sent past an earlier message that is still waiting for its retry.
        var pending = await db.Set<OutboxMessage>()
            .Where(o => o.ConversationKey == conversationKey)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var due = pending.TakeWhile(o => o.NextAttemptAt <= now).ToList();
        if (due.Count == 0)
            return 0;

        var record = await db.Set<ConversationRecord>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Key == conversationKey, cancellationToken);
        var reference = record is null ? null : ConversationStore.ReadReference(record);
        if (reference?.ServiceUrl is null || reference.Conversation?.Id is null)
        {
            foreach (var message in due)
            {
                ConversationLog.NoReference(logger, conversationKey, message.Id);
                Postpone(message, now, "no-reference");
            }
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        // A reference stored from an authenticated activity keeps its verified service URL across restarts.
        if (record!.ServiceUrlVerified)
            trustedServiceUrls.Trust(reference.ServiceUrl);

        var sent = 0;
        foreach (var message in due)
        {
            var activity = JsonSerializer.Deserialize<Activity>(message.ActivityJson, BotJson.Options)!;
            Address(activity, reference);
            try
            {
                // The sender applies the hard checks (opted-out number, unreachable conversation) and picks the
                // transport (Bot Connector, or Twilio's REST API for the direct SMS webhook).
                var result = await sender.SendAsync(db, record!, reference, activity, message.ReplyToId, cancellationToken);
                if (result == OutboundResult.Failed)
                {
                    Postpone(message, clock.GetUtcNow(), "transport");
                    await db.SaveChangesAsync(CancellationToken.None);
                    break;
                }
                db.Remove(message);
                await db.SaveChangesAsync(cancellationToken);
                if (result == OutboundResult.Sent)
                    sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                ConversationLog.SendFailed(logger, ex, conversationKey, message.Id, message.Attempts + 1);
                Postpone(message, clock.GetUtcNow(), ErrorOf(ex));
                await db.SaveChangesAsync(CancellationToken.None);
                break;
            }
        }
        return sent;
    }

    /// <summary>
    /// Last resort when storage fails during a crisis turn: send straight to the connector, once, without the
    /// outbox. Failures are logged, not thrown (the caller is already failing).
    /// </summary>
    public async Task SendDirectAsync(string conversationKey, ConversationReference reference,
        IReadOnlyList<Activity> activities, string? replyToId, CancellationToken cancellationToken)
    {
        if (reference.ServiceUrl is null || reference.Conversation?.Id is null)
            return;
        foreach (var activity in activities)
        {
            Address(activity, reference);
            try
            {
                await connector.SendAsync(reference.ServiceUrl, reference.Conversation.Id, replyToId, activity, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ConversationLog.SendFailed(logger, ex, conversationKey, 0, 1);
                return;
            }
        }
    }

    /// <summary>Conversations with sends due now, for the sweeper.</summary>
    public async Task<IReadOnlyList<string>> DueConversationsAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var now = clock.GetUtcNow();
        return await db.Set<OutboxMessage>()
            .Where(o => o.NextAttemptAt <= now)
            .GroupBy(o => o.ConversationKey)
            .OrderBy(g => g.Min(o => o.Id))
            .Select(g => g.Key)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The channel's refusal (HTTP 403: the client blocked the bot). The handoff timers tell the peer.</summary>
    public const string Forbidden = "http-403";

    private static string ErrorOf(Exception ex) => ex switch
    {
        ConnectorException { StatusCode: { } code } => "http-" + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HttpRequestException { StatusCode: { } status } => "http-" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => ex.GetType().Name,
    };

    private static void Postpone(OutboxMessage message, DateTimeOffset now, string error)
    {
        message.Attempts++;
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(message.Attempts, 12)));
        message.NextAttemptAt = now + TimeSpan.FromSeconds(seconds);
        message.LastError = error.Length > 200 ? error[..200] : error;
    }

    internal static void Address(Activity activity, ConversationReference reference)
    {
        activity.From ??= reference.Bot;
        activity.Recipient ??= reference.User;
        activity.Conversation ??= reference.Conversation;
        activity.ChannelId ??= reference.ChannelId;
        activity.Id = null; // the channel masters ids (PROTOCOL.md §1.1)
        activity.ServiceUrl = null;
    }
}
