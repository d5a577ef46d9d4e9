using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Scheduling;

/// <summary>
/// Runs every due schedule: plans a batch (<see cref="SchedulePlanner"/>), then sends its outbox rows through the
/// same <see cref="OutboundSender"/> as every other message (opt-out, unreachable and discreet checks included),
/// paced per channel and app-wide, several conversations in parallel. Sent rows are deleted in one statement; a
/// failed one stays in the outbox and the sweeper retries it.
/// </summary>
public sealed class ScheduleDispatcher(
    IServiceScopeFactory scopes,
    OutboundSender sender,
    ReplyOutbox outbox,
    IOptionsMonitor<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduleDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _single = new(1, 1);

    public void Dispose() => _single.Dispose();

    /// <summary>Sends everything due now (one pass at a time in this process; other replicas are kept out by claims).</summary>
    public async Task<ScheduleRunResult> RunDueAsync(CancellationToken cancellationToken)
    {
        await _single.WaitAsync(cancellationToken);
        try
        {
            var settings = options.CurrentValue;
            var pacer = new SendPacer(clock, settings.MaxSendsPerSecond, settings.TeamsSendsPerSecondPerConversation);
            var total = ScheduleRunResult.Empty;
            var dueBy = clock.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                (IReadOnlyList<PlannedSend> Sends, ScheduleRunResult Result)? batch;
                await using (var scope = scopes.CreateAsyncScope())
                    batch = await scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanBatchAsync(dueBy, cancellationToken);
                if (batch is null)
                    return total;
                total = total.Add(batch.Value.Result).Add(await SendAsync(batch.Value.Sends, pacer, settings, cancellationToken));
                pacer.Trim();
            }
            return total;
        }
        finally
        {
            _single.Release();
        }
    }

    private async Task<ScheduleRunResult> SendAsync(
        IReadOnlyList<PlannedSend> sends, SendPacer pacer, SchedulingOptions settings, CancellationToken cancellationToken)
    {
        if (sends.Count == 0)
            return ScheduleRunResult.Empty;
        var ids = sends.Select(s => s.OutboxId).ToList();
        var keys = sends.Select(s => s.Conversation.Key).Distinct().ToList();
        // A conversation with older unsent rows keeps its order: the outbox sends all of them, oldest first.
        var busy = await outbox.WithUnsentRowsAsync(keys, ids, cancellationToken);

        var queue = new ConcurrentQueue<IGrouping<string, PlannedSend>>(
            sends.Where(s => !busy.Contains(s.Conversation.Key)).GroupBy(s => s.Conversation.Key));
        var done = new ConcurrentBag<long>();
        int sent = 0, suppressed = 0, failed = 0;
        var workers = Enumerable.Range(0, Math.Min(settings.SendConcurrency, queue.Count)).Select(async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            await db.Database.OpenConnectionAsync(cancellationToken); // one connection per worker, not per query
            while (queue.TryDequeue(out var conversation))
            {
                foreach (var send in conversation.OrderBy(s => s.OutboxId))
                {
                    var result = await SendOneAsync(db, send, pacer, cancellationToken);
                    if (result == OutboundResult.Failed)
                    {
                        Interlocked.Increment(ref failed);
                        break; // the rest of this conversation waits behind it, in order
                    }
                    Interlocked.Increment(ref result == OutboundResult.Sent ? ref sent : ref suppressed);
                    done.Add(send.OutboxId);
                }
                db.ChangeTracker.Clear();
            }
        }).ToList();
        await Task.WhenAll(workers);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            var finished = done.ToList();
            foreach (var chunk in finished.Chunk(500))
                await db.Set<OutboxMessage>().Where(o => chunk.Contains(o.Id)).ExecuteDeleteAsync(CancellationToken.None);
            // Everything not sent (failed, or behind older rows) is handed to the outbox sweeper now.
            var left = ids.Except(finished).ToList();
            var now = clock.GetUtcNow();
            foreach (var chunk in left.Chunk(500))
                await db.Set<OutboxMessage>().Where(o => chunk.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), CancellationToken.None);
        }
        return new ScheduleRunResult(0, sent, suppressed, failed, 0);
    }

    private async Task<OutboundResult> SendOneAsync(PeerBotDb db, PlannedSend send, SendPacer pacer, CancellationToken cancellationToken)
    {
        var delay = pacer.Reserve(send.Conversation.Key, send.Conversation.ChannelId);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, clock, cancellationToken);

        var activity = JsonSerializer.Deserialize<Activity>(send.ActivityJson, BotJson.Options)!;
        ReplyOutbox.Address(activity, send.Reference);
        try
        {
            return await sender.SendAsync(db, send.Conversation, send.Reference, activity, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulingLog.SendFailed(logger, ex, send.Conversation.Key);
            return OutboundResult.Failed;
        }
    }
}
