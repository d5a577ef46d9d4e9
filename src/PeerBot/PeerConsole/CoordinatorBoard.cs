using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Audit;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;
using PeerBot.Scheduling;

namespace PeerBot.PeerConsole;

public sealed record TierSummary(string Tier, int Queued, double OldestWaitSeconds, int SlaBreaches);
public sealed record PeerLoad(string Id, string Name, string Role, bool Online, int Caseload, int Cap);
public sealed record Board(
    IReadOnlyList<TierSummary> Tiers,
    IReadOnlyList<HandoffView> Queue,
    IReadOnlyList<HandoffView> Claimed,
    IReadOnlyList<PeerLoad> Peers,
    IReadOnlyDictionary<string, int> OutcomesLast24h,
    int Escalated,
    int SupervisorFlags,
    IReadOnlyList<QuietClient> GoneQuiet);

/// <summary>A client who stopped answering scheduled check-ins (opaque key, channel, counts and times only).</summary>
public sealed record QuietClient(string ConversationKey, string Channel, int MissedInRow, DateTimeOffset? Since);
public sealed record ClaimTimes(string Tier, string Day, int Claims, double P50Seconds, double P90Seconds);
public sealed record HandoffMetrics(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ClaimTimes> TimeToClaim, IReadOnlyDictionary<string, int> Outcomes);

/// <summary>The coordinator's live board and metrics (counts and times only; no client content).</summary>
public sealed class CoordinatorBoard(
    PeerBotDb db,
    HandoffReader reader,
    HandoffEvents events,
    PeerAccounts accounts,
    AuditTrail audit,
    CheckInScheduler scheduler,
    IOptions<HandoffOptions> options,
    TimeProvider clock)
{
    private static readonly string[] TierOrder = ["crisis", "high", "requested", "moderate"];

    public async Task<Board> BoardAsync(PeerIdentity viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Set<HandoffRequest>().AsNoTracking().Where(h => h.State != HandoffState.Closed).ToListAsync(cancellationToken);
        var views = await reader.ViewsAsync(open, cancellationToken);
        var queue = views.Where(v => v.State == "queued").OrderBy(v => v.Position).ToList();
        var tiers = TierOrder.Select(t =>
        {
            var inTier = queue.Where(v => PriorityName(v.Reason) == t).ToList();
            return new TierSummary(t, inTier.Count, inTier.Count == 0 ? 0 : inTier.Max(v => v.WaitSeconds), inTier.Count(v => v.SlaBreached));
        }).ToList();

        var online = events.Online();
        var loads = open.Where(h => h.State == HandoffState.Claimed && h.PeerId is not null)
            .GroupBy(h => h.PeerId!).ToDictionary(g => g.Key, g => g.Count());
        var peers = (await accounts.ListAsync(cancellationToken)).Select(a => new PeerLoad(
            a.Id, a.DisplayName, a.Role, online.ContainsKey(a.Id), loads.GetValueOrDefault(a.Id),
            a.CaseloadCap ?? options.Value.CaseloadCap)).ToList();

        var since = now - TimeSpan.FromHours(24);
        var outcomes = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.State == HandoffState.Closed && h.ClosedAt >= since)
            .GroupBy(h => h.Outcome ?? "unknown")
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var flags = await db.Set<HandoffRequest>().CountAsync(h => h.FlaggedForSupervisor && h.ClosedAt >= since, cancellationToken);

        var quiet = await scheduler.GoneQuietAsync(cancellationToken);
        var quietKeys = quiet.Select(q => q.ConversationKey).ToList();
        var channels = await db.Set<ConversationRecord>().AsNoTracking().Where(c => quietKeys.Contains(c.Key))
            .Select(c => new { c.Key, c.ChannelId }).ToDictionaryAsync(c => c.Key, c => c.ChannelId, cancellationToken);
        var goneQuiet = quiet.OrderByDescending(q => q.MissedInRow).ThenBy(q => q.ConversationKey, StringComparer.Ordinal)
            .Select(q => new QuietClient(q.ConversationKey, channels.GetValueOrDefault(q.ConversationKey) ?? "unknown", q.MissedInRow, q.Since))
            .ToList();

        audit.Record(viewer.Id, AuditTrail.ReadQueue, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return new Board(tiers, queue, views.Where(v => v.State == "claimed").ToList(), peers, outcomes,
            open.Count(h => h.EscalatedAt is not null && h.State == HandoffState.Queued), flags, goneQuiet);
    }

    public async Task<HandoffMetrics> MetricsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - TimeSpan.FromDays(7);
        var rows = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.CreatedAt >= start && h.CreatedAt <= end)
            .Select(h => new { h.Reason, h.CreatedAt, h.FirstClaimedAt, h.Outcome })
            .ToListAsync(cancellationToken);
        var times = rows.Where(r => r.FirstClaimedAt is not null)
            .GroupBy(r => (Tier: PriorityName(r.Reason.ToString().ToLowerInvariant()), Day: r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Select(g =>
            {
                var waits = g.Select(r => (r.FirstClaimedAt!.Value - r.CreatedAt).TotalSeconds).Order().ToList();
                return new ClaimTimes(g.Key.Tier, g.Key.Day, waits.Count, Percentile(waits, 0.5), Percentile(waits, 0.9));
            })
            .OrderBy(c => c.Day).ThenBy(c => Array.IndexOf(TierOrder, c.Tier))
            .ToList();
        var outcomes = rows.Where(r => r.Outcome is not null).GroupBy(r => r.Outcome!).ToDictionary(g => g.Key, g => g.Count());
        return new HandoffMetrics(start, end, times, outcomes);
    }

    /// <summary>Handoff history as CSV (ids, tiers, times, outcomes; never content or notes).</summary>
    public async Task<string> HistoryCsvAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - TimeSpan.FromDays(30);
        var rows = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.CreatedAt >= start && h.CreatedAt <= end)
            .OrderBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);
        var csv = new System.Text.StringBuilder("id,reason,tier,category,state,created_at,first_claimed_at,closed_at,outcome,peer,escalated,transfers,helpful\n");
        foreach (var h in rows)
        {
            string[] cells =
            [
                h.Id.ToString(), h.Reason.ToString().ToLowerInvariant(), h.Tier.ToString().ToLowerInvariant(), h.Category ?? "",
                h.State.ToString().ToLowerInvariant(), Iso(h.CreatedAt), Iso(h.FirstClaimedAt), Iso(h.ClosedAt), h.Outcome ?? "",
                h.PeerName ?? "", h.EscalatedAt is null ? "no" : "yes", h.TransferCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                h.Helpful is null ? "" : h.Helpful.Value ? "yes" : "no",
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Iso(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quotes a cell when needed and defuses spreadsheet formulas.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return 0;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string PriorityName(string reason) => reason switch
    {
        "crisis" => "crisis",
        "high" => "high",
        "requested" or "checkin" => "requested",
        _ => "moderate",
    };
}
