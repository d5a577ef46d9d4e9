using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PeerBot.Data;

namespace PeerBot.Conversations;

/// <summary>
/// Deletes sent outbox rows in batches, off the reply path: one <c>DELETE … WHERE Id IN (…)</c> per batch instead of
/// a commit per sent message. Until its row is deleted, a sent message is remembered here so that no dispatcher of
/// this process sends it again. If the process dies first, the row's lease expires and it is sent once more
/// (at-least-once, never dropped).
/// </summary>
public sealed class OutboxCompletions(IServiceScopeFactory scopes, ILogger<OutboxCompletions> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _awaitingDelete = new();

    // Rows deleted lately, still reported as sent: a dispatcher that read a row just before its delete, then asks
    // IsCompleted just after, must not send it again (seen as a duplicate STOP confirmation under load). Two
    // generations of up to RecentlyDeleted ids each; counted, not timed, so no clock is involved.
    private const int RecentlyDeleted = 50_000;
    private volatile ConcurrentDictionary<long, byte> _deletedNow = new();
    private volatile ConcurrentDictionary<long, byte> _deletedBefore = new();

    /// <summary>The connector accepted this row's message (or it was suppressed for good): delete it soon.</summary>
    public void Completed(long outboxId)
    {
        _awaitingDelete.TryAdd(outboxId, 0);
        _queue.Writer.TryWrite(outboxId);
    }

    /// <summary>True for a sent row waiting for its batched delete, and for a while after it (see above).</summary>
    public bool IsCompleted(long outboxId) =>
        _awaitingDelete.ContainsKey(outboxId) || _deletedNow.ContainsKey(outboxId) || _deletedBefore.ContainsKey(outboxId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<long>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var id))
                    batch.Add(id);
                if (await TryDeleteAsync(batch, stoppingToken))
                    batch.Clear();
                else
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: delete what is known, so a restart does not send it again.
            while (_queue.Reader.TryRead(out var id))
                batch.Add(id);
            if (batch.Count > 0)
                await TryDeleteAsync(batch, CancellationToken.None);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, string> DeleteSqls = [];

    /// <summary>SQLite: delete the rows whose ids are in the JSON array <c>@ids</c> (one statement for any batch).</summary>
    private static string DeleteSql(IModel model) => DeleteSqls.GetValue(model, static m =>
    {
        var outbox = m.FindEntityType(typeof(OutboxMessage))!;
        return $"DELETE FROM {SqliteNames.Table(outbox)} WHERE {SqliteNames.Column(outbox, nameof(OutboxMessage.Id))} " +
            "IN (SELECT value FROM json_each(@ids))";
    });

    private async Task<bool> TryDeleteAsync(List<long> ids, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            if (db is SqlitePeerBotDb { Pragmas: { } pragmas })
            {
                // Committed with the turns' writes waiting at the same moment (group commit, on the writer session).
                var json = "[" + string.Join(',', ids) + "]";
                await pragmas.Commits.CommitAsync(
                    [new SqliteStep(DeleteSql(db.Model), [new SqliteParameter("@ids", SqliteType.Text) { Value = json }], SqliteStepCheck.None)],
                    urgent: false, cancellationToken);
            }
            else
            {
                await db.WriteAsync(ct => db.Set<OutboxMessage>().Where(o => ids.Contains(o.Id)).ExecuteDeleteAsync(ct), cancellationToken);
            }
            if (_deletedNow.Count + ids.Count > RecentlyDeleted)
            {
                _deletedBefore = _deletedNow; // a reader may still see the old generation: it only ever shrinks away
                _deletedNow = new ConcurrentDictionary<long, byte>();
            }
            foreach (var id in ids)
            {
                _deletedNow.TryAdd(id, 0); // before it leaves the waiting set: never a moment when it is in neither
                _awaitingDelete.TryRemove(id, out _);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.CompletionFailed(logger, ex, ids.Count);
            return false;
        }
    }
}
