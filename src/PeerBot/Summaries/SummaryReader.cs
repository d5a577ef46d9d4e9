using Microsoft.EntityFrameworkCore;
using PeerBot.Audit;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.Summaries;

public sealed record SummaryListItem(long Id, string ConversationKey, string ChannelId, DateTimeOffset EpisodeStartedAt,
    DateTimeOffset EpisodeEndedAt, DateTimeOffset CreatedAt, string MaxTier);

public sealed record SummaryView(long Id, string ConversationKey, DateTimeOffset CreatedAt, string MaxTier, SummaryContent Content);

public sealed record ClientExport(
    string ConversationKey,
    string ChannelId,
    string Locale,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<ConsentExportLine> Consent,
    IReadOnlyList<SummaryView> Summaries,
    IReadOnlyList<FactExportLine> CurrentEpisodeFacts,
    IReadOnlyList<HandoffExportLine> Handoffs,
    IReadOnlyList<TranscriptLine> StoredTranscript,
    DateTimeOffset ExportedAt,
    RecoveryContext? Recovery = null);

public sealed record ConsentExportLine(string Action, string ChannelId, string? TextVersion, DateTimeOffset At);
public sealed record FactExportLine(string Kind, DateTimeOffset At);
public sealed record HandoffExportLine(Guid Id, string Reason, string? Tier, string State, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? Outcome);

/// <summary>Coordinator reads of summaries and client exports. Every read of client data is audited.</summary>
public sealed class SummaryReader(
    PeerBotDb db, SummaryProtector protector, TranscriptStore transcripts, RecoveryContextReader recoveryReader,
    AuditTrail audit, TimeProvider clock)
{
    public const string ListSummaries = "list-summaries";
    public const string ReadSummary = "read-summary";
    public const string ExportClient = "export-client";

    public async Task<IReadOnlyList<SummaryListItem>> ListAsync(string actorId, string? conversationKey, CancellationToken cancellationToken)
    {
        var query = db.Set<ClientSummary>().AsNoTracking();
        if (!string.IsNullOrEmpty(conversationKey))
            query = query.Where(s => s.ConversationKey == conversationKey);
        var rows = await query.OrderByDescending(s => s.CreatedAt).Take(500)
            .Select(s => new SummaryListItem(s.Id, s.ConversationKey, s.ChannelId, s.EpisodeStartedAt, s.EpisodeEndedAt, s.CreatedAt, s.MaxTier))
            .ToListAsync(cancellationToken);
        audit.Record(actorId, ListSummaries, null, conversationKey);
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    public async Task<SummaryView?> GetAsync(string actorId, long id, CancellationToken cancellationToken)
    {
        var row = await db.Set<ClientSummary>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
            return null;
        audit.Record(actorId, ReadSummary, null, row.ConversationKey);
        await db.SaveChangesAsync(cancellationToken);
        return View(row);
    }

    /// <summary>A client's summaries, newest first (for the peer who claimed their handoff). The caller audits.</summary>
    public async Task<IReadOnlyList<SummaryView>> ForClientAsync(string conversationKey, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ClientSummary>().AsNoTracking().Where(s => s.ConversationKey == conversationKey)
            .OrderByDescending(s => s.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<ClientExport?> ExportAsync(string actorId, string conversationKey, CancellationToken cancellationToken)
    {
        var record = await db.Set<ConversationRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.Key == conversationKey, cancellationToken);
        if (record is null)
            return null;
        var consent = await db.Set<ConsentEntry>().AsNoTracking().Where(e => e.ConversationKey == conversationKey)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var summaries = await db.Set<ClientSummary>().AsNoTracking().Where(s => s.ConversationKey == conversationKey)
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var facts = await db.Set<EpisodeFact>().AsNoTracking().Where(f => f.ConversationKey == conversationKey)
            .OrderBy(f => f.Id).Select(f => new FactExportLine(f.Kind, f.At)).ToListAsync(cancellationToken);
        var handoffs = await db.Set<HandoffRequest>().AsNoTracking().Where(h => h.ConversationKey == conversationKey)
            .OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);
        var lines = new List<TranscriptLine>();
        foreach (var h in handoffs.Where(h => h.TranscriptDeletedAt is null))
            lines.AddRange(await transcripts.ReadAsync(h.Id, 0, cancellationToken));
        var recovery = await recoveryReader.ReadAsync(actorId, null, conversationKey, cancellationToken);
        audit.Record(actorId, ExportClient, null, conversationKey);
        await db.SaveChangesAsync(cancellationToken);
        return new ClientExport(
            record.Key, record.ChannelId, record.Locale, record.CreatedAt, record.LastActivityAt,
            consent.Select(e => new ConsentExportLine(e.Action.ToString(), e.ChannelId, e.TextVersion, e.At)).ToList(),
            summaries.Select(View).ToList(),
            facts,
            handoffs.Select(h => new HandoffExportLine(h.Id, h.Reason.ToString(), h.Tier.ToString().ToLowerInvariant(),
                h.State.ToString(), h.CreatedAt, h.ClosedAt, h.Outcome)).ToList(),
            lines,
            clock.GetUtcNow(),
            recovery);
    }

    private SummaryView View(ClientSummary row) =>
        new(row.Id, row.ConversationKey, row.CreatedAt, row.MaxTier, protector.Unprotect<SummaryContent>(row.Cipher));
}
