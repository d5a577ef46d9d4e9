using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Channels;
using PeerBot.Data;
using PeerBot.Dialogs;

namespace PeerBot.Scheduling;

/// <summary>
/// Turns the dialog's scheduling events into schedule rows (added to the turn's context; the pipeline commits them
/// with the turn), and answers the coordinator board's "gone quiet" question.
/// </summary>
public sealed class CheckInScheduler(PeerBotDb db, IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<CheckInScheduler> logger)
{
    // Read on every client message (compiled: no expression work per turn).
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ClientSchedule?>>> ScheduleOf =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<ClientSchedule>().SingleOrDefault(c => c.ConversationKey == key)));

    public const int MaxRemindersPerClient = 20;
    private static readonly string[] Topics = ["appointment", "meeting", "medication", "other"];

    public async Task ApplyAsync(string conversationKey, IEnumerable<DialogEvent> events, CancellationToken cancellationToken)
    {
        foreach (var dialogEvent in events)
        {
            switch (dialogEvent)
            {
                case DialogEvent.ScheduleRequested requested:
                    await ScheduleAsync(conversationKey, requested, cancellationToken);
                    break;
                case DialogEvent.ScheduleCancelled { Number: { } number }:
                    await CancelReminderAsync(conversationKey, number, cancellationToken);
                    break;
                case DialogEvent.ScheduleCancelled cancelled:
                    await CancelAsync(conversationKey, cancelled.Kind, cancellationToken);
                    break;
                case DialogEvent.QuietHoursChanged quiet:
                    var client = await ClientAsync(conversationKey, cancellationToken);
                    client.QuietStartMinutes = quiet.Start.Hour * 60 + quiet.Start.Minute;
                    client.QuietEndMinutes = quiet.End.Hour * 60 + quiet.End.Minute;
                    break;
            }
        }
    }

    /// <summary>Adds (check-ins: replaces) a schedule. Null when the request is unusable (bad kind, one-off in the past).</summary>
    public async Task<ScheduleEntry?> ScheduleAsync(string conversationKey, DialogEvent.ScheduleRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScheduleKind kind;
        if (request.Kind == "check-in")
            kind = ScheduleKind.CheckIn;
        else if (request.Kind == "reminder")
            kind = ScheduleKind.Reminder;
        else
            return Reject(conversationKey, "unknown kind");

        var zone = ScheduleCalculator.FindZone(request.TimeZone)
            ?? ScheduleCalculator.FindZone(await ChannelZoneAsync(conversationKey, cancellationToken))
            ?? ScheduleCalculator.FindZone(options.Value.DefaultTimeZone)
            ?? TimeZoneInfo.Utc;
        var minutes = request.LocalTime.Hour * 60 + request.LocalTime.Minute;
        var mask = ScheduleCalculator.DaysMask(request.Days);
        var now = clock.GetUtcNow();
        var next = ScheduleCalculator.NextRun(minutes, mask, request.OnceOn, zone, now);
        if (next is null)
            return Reject(conversationKey, "no future run");

        if (kind == ScheduleKind.CheckIn)
        {
            await CancelAsync(conversationKey, "check-in", cancellationToken);
        }
        else if (await db.Set<ScheduleEntry>().CountAsync(e => e.ConversationKey == conversationKey && e.Active
                     && e.Kind == ScheduleKind.Reminder, cancellationToken) >= MaxRemindersPerClient)
        {
            return Reject(conversationKey, "too many reminders");
        }

        await ClientAsync(conversationKey, cancellationToken);
        var entry = new ScheduleEntry
        {
            Id = Guid.NewGuid(),
            ConversationKey = conversationKey,
            Kind = kind,
            Topic = kind == ScheduleKind.Reminder ? (Topics.Contains(request.Topic) ? request.Topic : "other") : null,
            LocalMinutes = minutes,
            DaysMask = mask,
            OnceOn = request.OnceOn,
            TimeZoneId = zone.Id,
            NextRunAt = next.Value,
            CreatedAt = now,
        };
        db.Add(entry);
        SchedulingLog.Scheduled(logger, entry.Id, kind.ToString(), conversationKey, entry.NextRunAt);
        return entry;
    }

    public async Task<int> CancelAsync(string conversationKey, string kind, CancellationToken cancellationToken)
    {
        var entries = await db.Set<ScheduleEntry>()
            .Where(e => e.ConversationKey == conversationKey && e.Active)
            .ToListAsync(cancellationToken);
        var cancelled = 0;
        foreach (var entry in entries)
        {
            if (kind == "all" || (kind == "check-in" && entry.Kind == ScheduleKind.CheckIn)
                || (kind == "reminder" && entry.Kind == ScheduleKind.Reminder))
            {
                entry.Active = false;
                cancelled++;
            }
        }
        if (cancelled > 0)
            SchedulingLog.Cancelled(logger, cancelled, conversationKey);
        return cancelled;
    }

    /// <summary>Cancels the reminder numbered <paramref name="number"/> (1-based, next run first). False when there is none.</summary>
    public async Task<bool> CancelReminderAsync(string conversationKey, int number, CancellationToken cancellationToken)
    {
        var reminders = await ActiveReminders(conversationKey).ToListAsync(cancellationToken);
        if (number < 1 || number > reminders.Count)
            return false;
        reminders[number - 1].Active = false;
        SchedulingLog.Cancelled(logger, 1, conversationKey);
        return true;
    }

    /// <summary>What the client has scheduled and the channel's zone, for the dialogs (read-only).</summary>
    public async Task<ScheduleOverview> OverviewAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var checkIn = await db.Set<ScheduleEntry>().AsNoTracking()
            .Where(e => e.ConversationKey == conversationKey && e.Active && e.Kind == ScheduleKind.CheckIn)
            .FirstOrDefaultAsync(cancellationToken);
        var reminders = await ActiveReminders(conversationKey).AsNoTracking().ToListAsync(cancellationToken);
        var latestZone = await db.Set<ScheduleEntry>().AsNoTracking()
            .Where(e => e.ConversationKey == conversationKey)
            .OrderByDescending(e => e.CreatedAt).Select(e => e.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return new ScheduleOverview(
            await ChannelZoneAsync(conversationKey, cancellationToken),
            latestZone,
            checkIn is null ? null : ScheduleView.From(checkIn),
            reminders.Select(ScheduleView.From).ToList());
    }

    // One order for listing and for cancel-by-number: next run first, then id.
    private IQueryable<ScheduleEntry> ActiveReminders(string conversationKey) =>
        db.Set<ScheduleEntry>().Where(e => e.ConversationKey == conversationKey && e.Active && e.Kind == ScheduleKind.Reminder)
            .OrderBy(e => e.NextRunAt).ThenBy(e => e.Id);

    /// <summary>The client wrote: they are not quiet any more.</summary>
    public async Task ClientWroteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var client = db.FindTracked<ClientSchedule>(c => c.ConversationKey == conversationKey);
        if (client is null && Conversations.TurnFacts.Of(db, conversationKey) is not { ClientSchedule: false })
            client = await ScheduleOf.For(db)(db, conversationKey, cancellationToken);
        if (client is not null && (client.MissedInRow != 0 || client.GoneQuiet))
        {
            client.MissedInRow = 0;
            client.GoneQuiet = false;
            client.GoneQuietSince = null;
        }
    }

    /// <summary>Conversation keys of clients who have gone quiet, for the coordinator board.</summary>
    public async Task<IReadOnlyList<GoneQuietClient>> GoneQuietAsync(CancellationToken cancellationToken) =>
        await db.Set<ClientSchedule>().AsNoTracking()
            .Where(c => c.GoneQuiet)
            .Select(c => new GoneQuietClient(c.ConversationKey, c.MissedInRow, c.GoneQuietSince))
            .ToListAsync(cancellationToken);

    private async Task<ClientSchedule> ClientAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var client = db.FindTracked<ClientSchedule>(c => c.ConversationKey == conversationKey)
            ?? await db.Set<ClientSchedule>().SingleOrDefaultAsync(c => c.ConversationKey == conversationKey, cancellationToken);
        if (client is null)
        {
            client = new ClientSchedule
            {
                ConversationKey = conversationKey,
                QuietStartMinutes = options.Value.QuietStart.Hour * 60 + options.Value.QuietStart.Minute,
                QuietEndMinutes = options.Value.QuietEnd.Hour * 60 + options.Value.QuietEnd.Minute,
            };
            db.Add(client);
        }
        return client;
    }

    private async Task<string?> ChannelZoneAsync(string conversationKey, CancellationToken cancellationToken) =>
        db.FindTracked<ChannelState>(s => s.ConversationKey == conversationKey)?.TimeZoneId
        ?? await db.Set<ChannelState>().AsNoTracking().Where(s => s.ConversationKey == conversationKey)
            .Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken);

    private ScheduleEntry? Reject(string conversationKey, string reason)
    {
        SchedulingLog.Rejected(logger, conversationKey, reason);
        return null;
    }
}

/// <summary>A row on the coordinator board: a client who stopped answering check-ins.</summary>
public sealed record GoneQuietClient(string ConversationKey, int MissedInRow, DateTimeOffset? Since);
