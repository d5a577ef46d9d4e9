using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Safety;

namespace PeerBot.Handoff;

/// <summary>A decrypted transcript line, for the console only.</summary>
public sealed record TranscriptLine(long Id, string Sender, string? PeerId, string Text, string? Tier, string? Category, DateTimeOffset At);

/// <summary>
/// Encrypts handoff content with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>): the live handoff's
/// transcript (rows added to the caller's unit of work; the caller saves them with its state) and the context
/// buffer (lines in the conversation row, <see cref="ConversationRecord.ContextBuffer"/>, each encrypted on its own).
/// </summary>
public sealed class TranscriptStore(
    PeerBotDb db, IDataProtectionProvider protection, IOptions<HandoffOptions> options, IOptions<TranscriptPrivacyOptions> privacy)
{
    public const string Purpose = "PeerBot.Handoff.Transcript";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>
    /// Keeps the client's message in the conversation's short context buffer (the last few), dropping older lines
    /// and lines past their retention. Changes the row in memory; the turn saves it with its state. Returns the line
    /// added (null when the buffer is off), so that a turn that reloads the row can add it again.
    /// </summary>
    public TimedLine? RememberContext(ConversationRecord record, ClientText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (options.Value.ContextMessages == 0)
            return null;
        var line = new TimedLine(now, _protector.Protect(text.Value));
        AddContext(record, line, now);
        return line;
    }

    /// <summary>Adds a line already encrypted (see <see cref="RememberContext"/>).</summary>
    public void AddContext(ConversationRecord record, TimedLine line, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keep = options.Value.ContextMessages;
        var lines = TimedLines.Read(record.ContextBuffer);
        lines.RemoveAll(l => l.At <= now - privacy.Value.ContextRetention);
        if (lines.Count >= keep)
            lines.RemoveRange(0, lines.Count - keep + 1);
        lines.Add(line);
        record.ContextBuffer = TimedLines.Write(lines);
    }

    /// <summary>Drops context lines past their retention (a turn that adds none); the row is changed only if any is.</summary>
    public void PruneContext(ConversationRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ContextBuffer is null)
            return;
        var (stored, removed) = TimedLines.Without(record.ContextBuffer, now - privacy.Value.ContextRetention);
        if (removed > 0)
            record.ContextBuffer = stored;
    }

    public void AppendClient(HandoffRequest handoff, ClientText text, DistressSignal? signal, DateTimeOffset now) =>
        db.Add(new TranscriptEntry
        {
            ConversationKey = handoff.ConversationKey,
            HandoffId = handoff.Id,
            Sender = TranscriptSender.Client,
            Cipher = _protector.Protect(text.Value),
            Tier = signal?.Tier ?? DistressTier.None,
            Category = signal?.Category,
            At = now,
        });

    /// <summary>A peer's message or a system line ("the client went back to the bot").</summary>
    public void Append(HandoffRequest handoff, TranscriptSender sender, string? peerId, string text, DateTimeOffset now) =>
        db.Add(new TranscriptEntry
        {
            ConversationKey = handoff.ConversationKey,
            HandoffId = handoff.Id,
            Sender = sender,
            PeerId = peerId,
            Cipher = _protector.Protect(text),
            At = now,
        });

    public async Task<IReadOnlyList<TranscriptLine>> ReadAsync(Guid handoffId, long afterId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TranscriptEntry>().AsNoTracking()
            .Where(e => e.HandoffId == handoffId && e.Id > afterId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToLine).ToList();
    }

    /// <summary>The context buffer as it stood when the handoff was opened (lines said before it, oldest first).</summary>
    public async Task<IReadOnlyList<TranscriptLine>> ReadContextAsync(HandoffRequest handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var stored = await db.Set<ConversationRecord>().AsNoTracking()
            .Where(c => c.Key == handoff.ConversationKey)
            .Select(c => c.ContextBuffer)
            .FirstOrDefaultAsync(cancellationToken);
        var lines = TimedLines.Read(stored).Where(l => l.At <= handoff.CreatedAt).TakeLast(options.Value.ContextMessages).ToList();
        // Context lines have no row of their own: numbered before every transcript line (ids start at 1).
        return [.. lines.Select((l, i) => new TranscriptLine(i - lines.Count, "client", null, _protector.Unprotect(l.Text), null, null, l.At))];
    }

    public string Protect(string text) => _protector.Protect(text);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    private TranscriptLine ToLine(TranscriptEntry e) => new(
        e.Id,
        e.Sender switch { TranscriptSender.Client => "client", TranscriptSender.Peer => "peer", _ => "system" },
        e.PeerId,
        _protector.Unprotect(e.Cipher),
        e.Tier == DistressTier.None ? null : e.Tier.ToString().ToLowerInvariant(),
        e.Category,
        e.At);
}
