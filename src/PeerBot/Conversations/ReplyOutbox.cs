using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    OutboxCompletions completions,
    TimeProvider clock,
    ILogger<ReplyOutbox> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    private static readonly CompiledQuery<Func<PeerBotDb, string, long, IAsyncEnumerable<long>>> EarlierIds =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, long firstId) =>
            db.Set<OutboxMessage>().AsNoTracking().Where(o => o.ConversationKey == key && o.Id < firstId).Select(o => o.Id)));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, string> EarlierIdsSqls = [];

    /// <summary><see cref="EarlierIds"/> in SQL, with the model's names.</summary>
    private static string EarlierIdsSql(IModel model) => EarlierIdsSqls.GetValue(model, static m =>
    {
        var outbox = m.FindEntityType(typeof(OutboxMessage))!;
        var id = SqliteNames.Column(outbox, nameof(OutboxMessage.Id));
        var key = SqliteNames.Column(outbox, nameof(OutboxMessage.ConversationKey));
        return $"SELECT {id} FROM {SqliteNames.Table(outbox)} WHERE {key} = @key AND {id} < @firstId";
    });

    /// <summary>
    /// How long rows written by a turn belong to that turn, which sends them itself right after its commit. The
    /// sweeper (of any replica) takes them only after this, which happens only if the process died in between.
    /// </summary>
    public static readonly TimeSpan InlineLease = TimeSpan.FromSeconds(30);

    // Conversations whose queue a dispatcher found blocked by rows leased to an inline send of this process: that
    // send dispatches the rest of the queue when it is done, so nothing waits for the sweeper.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _dispatchAfterInline = new(StringComparer.Ordinal);

    public static void Enqueue(
        PeerBotDb db, string conversationKey, IEnumerable<Activity> activities, string? replyToId, DateTimeOffset now) =>
        Add(db, conversationKey, activities, replyToId, now, now);

    /// <summary>
    /// Queues a turn's replies leased to the turn (<see cref="InlineLease"/>); after the commit the turn sends them
    /// with <see cref="SendCommittedAsync"/>. Returns the rows (their ids are set by the commit).
    /// </summary>
    public static IReadOnlyList<OutboxMessage> EnqueueLeased(
        PeerBotDb db, string conversationKey, IEnumerable<Activity> activities, string? replyToId, DateTimeOffset now) =>
        Add(db, conversationKey, activities, replyToId, now, now + InlineLease);

    private static List<OutboxMessage> Add(PeerBotDb db, string conversationKey, IEnumerable<Activity> activities,
        string? replyToId, DateTimeOffset now, DateTimeOffset firstAttempt)
    {
        var rows = new List<OutboxMessage>();
        foreach (var activity in activities)
        {
            var row = new OutboxMessage
            {
                ConversationKey = conversationKey,
                ActivityJson = JsonSerializer.Serialize(activity, BotJson.Options),
                ReplyToId = replyToId,
                CreatedAt = now,
                NextAttemptAt = firstAttempt,
            };
            db.Add(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Sends rows a turn has just committed (<see cref="EnqueueLeased"/>) with the turn's own context and the
    /// conversation it already holds: no re-read, and no commit per message (sent rows are deleted in batches by
    /// <see cref="OutboxCompletions"/>). If earlier messages of the conversation are still queued, order wins: the
    /// rows are released to the queue and sent after them.
    /// </summary>
    public async Task SendCommittedAsync(PeerBotDb db, ConversationRecord record, IReadOnlyList<OutboxMessage> rows,
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(activities);
        if (rows.Count == 0)
            return;
        bool released;
        using (await locks.AcquireAsync("send:" + record.Key, cancellationToken))
        {
            released = await SendLeasedAsync(db, record, rows, activities, cancellationToken);
        }
        if (released || _dispatchAfterInline.TryRemove(record.Key, out _))
            await DispatchAsync(record.Key, cancellationToken);
    }

    private async Task<bool> SendLeasedAsync(PeerBotDb db, ConversationRecord record, IReadOnlyList<OutboxMessage> rows,
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var firstId = rows[0].Id;
        // On SQLite on a reader session whose statement stays prepared (SqliteSession): this runs every turn.
        var earlier = db is SqlitePeerBotDb { Pragmas: { } pragmas }
            ? await pragmas.Readers.QueryAsync(EarlierIdsSql(db.Model), p =>
            {
                p.Add(new SqliteParameter("@key", SqliteType.Text) { Value = record.Key });
                p.Add(new SqliteParameter("@firstId", SqliteType.Integer) { Value = firstId });
            }, r => r.GetInt64(0), cancellationToken)
            : await EarlierIds.For(db)(db, record.Key, firstId).ToListAsync(cancellationToken);
        var earlierUnsent = earlier.Exists(id => !completions.IsCompleted(id));
        var reference = ConversationStore.ReadReference(record);
        if (earlierUnsent || reference?.ServiceUrl is null || reference.Conversation?.Id is null)
        {
            var now = clock.GetUtcNow();
            foreach (var row in rows)
                row.NextAttemptAt = now;
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        if (record.ServiceUrlVerified)
            trustedServiceUrls.Trust(reference.ServiceUrl);

        for (var i = 0; i < rows.Count; i++)
        {
            var (_, error) = await TrySendAsync(db, record, reference, rows[i], activities[i], cancellationToken);
            if (error is not null)
            {
                await PostponeRestAsync(db, rows, i, error);
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// Sends one queued message through the sender, which applies the hard checks (opted-out number, unreachable
    /// conversation) and picks the transport (Bot Connector, or Twilio's REST API for the direct SMS webhook). When
    /// the channel took it, or it was suppressed for good, its row is marked for the batched delete; otherwise the
    /// error to record with its retry is returned.
    /// </summary>
    private async Task<(OutboundResult Result, string? Error)> TrySendAsync(PeerBotDb db, ConversationRecord record,
        ConversationReference reference, OutboxMessage row, Activity activity, CancellationToken cancellationToken)
    {
        Address(activity, reference);
        try
        {
            var result = await sender.SendAsync(db, record, reference, activity, row.ReplyToId, cancellationToken);
            if (result == OutboundResult.Failed)
                return (result, "transport");
            completions.Completed(row.Id);
            return (result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ConversationLog.SendFailed(logger, ex, record.Key, row.Id, row.Attempts + 1);
            return (OutboundResult.Failed, ErrorOf(ex));
        }
    }

    private async Task PostponeRestAsync(PeerBotDb db, IReadOnlyList<OutboxMessage> rows, int failed, string error)
    {
        // The failed row waits for its backoff; the rows after it wait no longer than it does, in order.
        Postpone(rows[failed], clock.GetUtcNow(), error);
        for (var j = failed + 1; j < rows.Count; j++)
            rows[j].NextAttemptAt = rows[failed].NextAttemptAt;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Sends what is due for one conversation, oldest first; stops at the first failure to keep order.</summary>
    public async Task<int> DispatchAsync(string conversationKey, CancellationToken cancellationToken)
    {
        using var lease = await locks.AcquireAsync("send:" + conversationKey, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var now = clock.GetUtcNow();
        // Order per conversation: nothing is sent past an earlier message that is still waiting for its retry.
        var pending = (await db.Set<OutboxMessage>()
            .Where(o => o.ConversationKey == conversationKey)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken))
            .Where(o => !completions.IsCompleted(o.Id)) // sent, waiting for the batched delete
            .ToList();
        var due = pending.TakeWhile(o => o.NextAttemptAt <= now).ToList();
        if (due.Count < pending.Count && pending[due.Count] is { Attempts: 0 } leased && leased.NextAttemptAt > now)
            _dispatchAfterInline.TryAdd(conversationKey, 0); // a turn's inline send holds the head of the queue
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
            var (result, error) = await TrySendAsync(db, record!, reference, message, activity, cancellationToken);
            if (error is not null)
            {
                Postpone(message, clock.GetUtcNow(), error);
                await db.SaveChangesAsync(CancellationToken.None);
                break;
            }
            if (result == OutboundResult.Sent)
                sent++;
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

    /// <summary>
    /// Which of <paramref name="conversationKeys"/> still have queued messages to send besides the rows
    /// <paramref name="except"/>: a sender of new rows for them must leave those to the outbox, oldest first. Rows
    /// already sent and only waiting for their batched delete (<see cref="OutboxCompletions"/>) do not count.
    /// </summary>
    public async Task<HashSet<string>> WithUnsentRowsAsync(
        List<string> conversationKeys, List<long> except, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var queued = await db.Set<OutboxMessage>()
            .Where(o => conversationKeys.Contains(o.ConversationKey) && !except.Contains(o.Id))
            .Select(o => new { o.Id, o.ConversationKey }).ToListAsync(cancellationToken);
        return queued.Where(o => !completions.IsCompleted(o.Id)).Select(o => o.ConversationKey).ToHashSet(StringComparer.Ordinal);
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
        AddressSuggestedActions(activity);
    }

    /// <summary>
    /// <c>suggestedActions.to</c> names who sees the buttons; Agents SDK's schema requires it, so it is the client.
    /// </summary>
    internal static void AddressSuggestedActions(Activity activity)
    {
        if (activity.SuggestedActions is { To: null } actions && activity.Recipient?.Id is { Length: > 0 } client)
            actions.To = [client];
    }
}
