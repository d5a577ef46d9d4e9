using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Channels.Sms;

/// <summary>Keeps the latest delivery status per MessageSid; a 21610 failure also enters the opt-out ledger.</summary>
public sealed class SmsStatusRecorder(PeerBotDb db, SmsOptOutLedger ledger, TimeProvider clock, ILogger<SmsStatusRecorder> logger)
{
    public async Task RecordAsync(SmsStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var row = await db.Set<SmsDeliveryStatus>().SingleOrDefaultAsync(s => s.MessageSid == update.MessageSid, cancellationToken);
        if (row is null)
        {
            row = new SmsDeliveryStatus { MessageSid = update.MessageSid, Status = update.Status };
            db.Add(row);
        }
        row.Status = update.Status;
        row.ErrorCode = update.ErrorCode;
        row.UpdatedAt = clock.GetUtcNow();

        if (update.ErrorCode == "21610" && update.To is not null)
        {
            var hash = SmsChannel.NumberHash(update.To);
            if (!await SmsOptOutLedger.IsOptedOutAsync(db, hash, cancellationToken))
                ledger.Record(db, hash, SmsKeywordKind.OptOut, "CARRIER-21610");
        }
        await db.SaveChangesAsync(cancellationToken);
        ChannelsLog.StatusRecorded(logger, update.Status, update.ErrorCode);
    }
}
