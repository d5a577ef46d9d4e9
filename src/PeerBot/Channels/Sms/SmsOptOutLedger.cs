using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Channels.Sms;

/// <summary>Reads and appends the opt-out ledger. Callers save the context (with the turn, or at once).</summary>
public sealed class SmsOptOutLedger(TimeProvider clock)
{
    public static async Task<bool> IsOptedOutAsync(PeerBotDb db, string numberHash, CancellationToken cancellationToken)
    {
        var latest = await db.Set<SmsConsentEntry>().AsNoTracking()
            .Where(e => e.NumberHash == numberHash && (e.Action == SmsKeywordKind.OptOut || e.Action == SmsKeywordKind.OptIn))
            .OrderByDescending(e => e.Id)
            .Select(e => (SmsKeywordKind?)e.Action)
            .FirstOrDefaultAsync(cancellationToken);
        // Entries added in this context but not saved yet count too (STOP and its confirmation share one turn).
        var pending = db.ChangeTracker.Entries<SmsConsentEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.NumberHash == numberHash
                && e.Entity.Action is SmsKeywordKind.OptOut or SmsKeywordKind.OptIn)
            .Select(e => (SmsKeywordKind?)e.Entity.Action)
            .LastOrDefault();
        return (pending ?? latest) == SmsKeywordKind.OptOut;
    }

    public void Record(PeerBotDb db, string numberHash, SmsKeyword keyword) =>
        Record(db, numberHash, keyword.Kind, keyword.Canonical);

    public void Record(PeerBotDb db, string numberHash, SmsKeywordKind action, string keyword) =>
        db.Add(new SmsConsentEntry { NumberHash = numberHash, Action = action, Keyword = keyword, At = clock.GetUtcNow() });
}
