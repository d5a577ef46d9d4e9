using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.Scheduling;

/// <summary>
/// Claims a batch of due schedules with a conditional update (only rows nobody holds), decides each one (send,
/// wait for the end of quiet hours, or skip), and commits the outbox rows together with each schedule's next run.
/// A crash before the commit sends nothing (the claim lapses and the batch is taken again); a crash after it leaves
/// the rows in the outbox, whose sweeper sends them. Either way no run is enqueued twice.
/// </summary>
public sealed class SchedulePlanner(
    PeerBotDb db, ReplyRenderer renderer, HandoffEvents consoleEvents, IOptions<SchedulingOptions> options, TimeProvider clock,
    ILogger<SchedulePlanner> logger)
{
    private bool _wentQuiet;

    /// <summary>The batch's sends, or null when nothing is due.</summary>
    /// <param name="dueBy">Only runs due by then (the pass's start), so a pass always ends.</param>
    public async Task<(IReadOnlyList<PlannedSend> Sends, ScheduleRunResult Result)?> PlanBatchAsync(
        DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        dueBy = dueBy.ToUniversalTime();
        var ids = await db.Set<ScheduleEntry>()
            .Where(e => e.Active && e.NextRunAt <= dueBy && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.NextRunAt)
            .Select(e => e.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return null;

        // The claim: the same conditions again, so a row another worker took in between is not taken twice.
        var token = Guid.NewGuid();
        var until = now + settings.ClaimLease;
        var claimed = await db.Set<ScheduleEntry>()
            .Where(e => ids.Contains(e.Id) && e.Active && e.NextRunAt <= dueBy && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.ClaimedUntil, until), cancellationToken);
        if (claimed == 0)
            return ([], ScheduleRunResult.Empty);

        // Not tracked: their new state is written set-based below (one UPDATE per distinct outcome, not one per row).
        var entries = await db.Set<ScheduleEntry>().AsNoTracking().Where(e => e.ClaimToken == token).ToListAsync(cancellationToken);
        var keys = entries.Select(e => e.ConversationKey).Distinct().ToList();
        var records = await db.Set<ConversationRecord>().AsNoTracking().Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, cancellationToken);
        var states = await db.Set<ChannelState>().AsNoTracking().Where(s => keys.Contains(s.ConversationKey)).ToDictionaryAsync(s => s.ConversationKey, cancellationToken);
        var clients = await db.Set<ClientSchedule>().Where(c => keys.Contains(c.ConversationKey)).ToDictionaryAsync(c => c.ConversationKey, cancellationToken);

        var planned = new List<(OutboxMessage Row, ConversationRecord Record, ConversationReference Reference)>();
        // A batch says the same few things (kind, topic, channel, locale): render and serialize each once.
        var rendered = new Dictionary<(ScheduleKind, string?, string, string), string[]>();
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var postponed = 0;
        foreach (var entry in entries)
        {
            entry.ClaimToken = null;
            entry.ClaimedUntil = null;
            if (!zones.TryGetValue(entry.TimeZoneId, out var zone))
                zones[entry.TimeZoneId] = zone = ScheduleCalculator.FindZone(entry.TimeZoneId) ?? TimeZoneInfo.Utc;
            var record = records.GetValueOrDefault(entry.ConversationKey);
            var reference = record is null ? null : ConversationStore.ReadReference(record);
            if (record is null || reference is null)
            {
                entry.Active = false;
                SchedulingLog.Skipped(logger, entry.Id, "no conversation");
                continue;
            }
            var skip = states.GetValueOrDefault(entry.ConversationKey)?.Unreachable == true ? "unreachable"
                : record.Mode != ConversationMode.Bot ? "with a peer"
                : now - entry.NextRunAt > settings.MaxLateness ? "too late"
                : null;
            if (skip is not null)
            {
                SchedulingLog.Skipped(logger, entry.Id, skip);
                Advance(entry, zone, now);
                continue;
            }

            var client = clients.GetValueOrDefault(entry.ConversationKey) ?? NewClient(entry.ConversationKey, settings, clients);
            if (ScheduleCalculator.QuietUntil(now, zone, client.QuietStartMinutes, client.QuietEndMinutes) is { } quietEnd)
            {
                entry.NextRunAt = quietEnd; // the same run, after quiet hours
                postponed++;
                continue;
            }

            if (entry.Kind == ScheduleKind.CheckIn)
                CountMissed(entry, record, client, settings, now);
            var textKey = (entry.Kind, entry.Topic, record.ChannelId, record.Locale);
            if (!rendered.TryGetValue(textKey, out var activities))
                rendered[textKey] = activities = Render(entry.Kind, entry.Topic, record.ChannelId, record.Locale);
            foreach (var activityJson in activities)
            {
                var row = new OutboxMessage
                {
                    ConversationKey = record.Key,
                    ActivityJson = activityJson,
                    CreatedAt = now,
                    // Not due for the sweeper until the lease ends: the scheduler sends it now, or the sweeper
                    // does after a crash.
                    NextAttemptAt = until,
                };
                db.Add(row);
                planned.Add((row, record, reference));
            }
            entry.LastSentAt = now;
            Advance(entry, zone, now);
        }

        if (!await CommitAsync(entries, token, cancellationToken))
        {
            SchedulingLog.ClaimLost(logger);
            db.ChangeTracker.Clear();
            return ([], ScheduleRunResult.Empty);
        }
        if (_wentQuiet)
            consoleEvents.Publish(new ConsoleEvent(ConsoleEvent.Quiet) { CoordinatorsOnly = true });
        _wentQuiet = false;
        var sends = planned.Select(p => new PlannedSend(p.Row.Id, p.Row.ActivityJson, p.Record, p.Reference)).ToList();
        return (sends, new ScheduleRunResult(entries.Count, 0, 0, 0, postponed));
    }

    /// <summary>
    /// One transaction: the outbox rows and client changes, then each schedule's next run, written with one UPDATE
    /// per distinct outcome and only where this batch still holds the claim. Any row lost to another worker (our
    /// lease ran out) rolls everything back, so nothing of this batch is enqueued.
    /// </summary>
    private async Task<bool> CommitAsync(List<ScheduleEntry> entries, Guid token, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var updated = 0;
        foreach (var group in entries.GroupBy(e => (e.NextRunAt, e.LastSentAt, e.Active)))
        {
            var (next, lastSent, active) = group.Key;
            foreach (var chunk in group.Select(e => e.Id).Chunk(500))
            {
                updated += await db.Set<ScheduleEntry>()
                    .Where(e => chunk.Contains(e.Id) && e.ClaimToken == token)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(e => e.NextRunAt, next)
                        .SetProperty(e => e.LastSentAt, lastSent)
                        .SetProperty(e => e.Active, active)
                        .SetProperty(e => e.ClaimToken, (Guid?)null)
                        .SetProperty(e => e.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            }
        }
        if (updated != entries.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private string[] Render(ScheduleKind kind, string? topic, string channelId, string locale) =>
        ScheduledTexts.Render(renderer, kind, topic, channelId, locale).Select(activity =>
        {
            activity.Locale ??= locale;
            return JsonSerializer.Serialize(activity, BotJson.Options);
        }).ToArray();

    private void CountMissed(ScheduleEntry entry, ConversationRecord record, ClientSchedule client, SchedulingOptions settings, DateTimeOffset now)
    {
        // Missed: the previous check-in went out and the client has not written since.
        if (entry.LastSentAt is not { } last || record.LastActivityAt >= last)
        {
            client.MissedInRow = 0;
            return;
        }
        client.MissedInRow++;
        if (client.MissedInRow >= settings.MissedBeforeGoneQuiet && !client.GoneQuiet)
        {
            client.GoneQuiet = true;
            client.GoneQuietSince = now;
            _wentQuiet = true;
            SchedulingLog.GoneQuiet(logger, record.Key, client.MissedInRow);
        }
    }

    private ClientSchedule NewClient(string key, SchedulingOptions settings, Dictionary<string, ClientSchedule> clients)
    {
        var client = new ClientSchedule
        {
            ConversationKey = key,
            QuietStartMinutes = settings.QuietStart.Hour * 60 + settings.QuietStart.Minute,
            QuietEndMinutes = settings.QuietEnd.Hour * 60 + settings.QuietEnd.Minute,
        };
        db.Add(client);
        clients[key] = client;
        return client;
    }

    private static void Advance(ScheduleEntry entry, TimeZoneInfo zone, DateTimeOffset now)
    {
        var next = ScheduleCalculator.NextRun(entry.LocalMinutes, entry.DaysMask, entry.OnceOn, zone, now);
        if (next is null || entry.OnceOn is not null)
            entry.Active = false;
        else
            entry.NextRunAt = next.Value;
    }
}
