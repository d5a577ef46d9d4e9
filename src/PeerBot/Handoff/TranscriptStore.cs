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
/// Encrypts handoff content with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>). Adds rows to the
/// caller's unit of work; the caller saves them with its state.
/// </summary>
public sealed class TranscriptStore(PeerBotDb db, IDataProtectionProvider protection, IOptions<HandoffOptions> options)
{
    // Read on every bot-mode message (compiled: no expression work per turn).
    private static readonly CompiledQuery<Func<PeerBotDb, string, int, IAsyncEnumerable<long>>> ContextIds =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, int take) =>
            db.Set<TranscriptEntry>().Where(e => e.ConversationKey == key && e.HandoffId == null)
                .OrderByDescending(e => e.Id).Select(e => e.Id).Take(take)));

    public const string Purpose = "PeerBot.Handoff.Transcript";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Keeps the client's message in the short context buffer (the last few), dropping older ones.</summary>
    public async Task RememberContextAsync(string conversationKey, ClientText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keep = options.Value.ContextMessages;
        if (keep == 0)
            return;
        // Trimmed inside the turn's own commit (tracked deletes), not by a separate write: on SQLite a second
        // writer per turn meant lock waits under load.
        var older = new List<long>();
        // A buffer with fewer lines than it keeps (none, for a new conversation) has nothing to trim.
        if (TurnFacts.Of(db, conversationKey) is not { } facts || facts.ContextLines >= keep)
        {
            await foreach (var id in ContextIds.For(db)(db, conversationKey, keep + 32).WithCancellation(cancellationToken))
                older.Add(id);
        }
        foreach (var id in older.Skip(keep - 1))
        {
            var entry = db.FindTracked<TranscriptEntry>(e => e.Id == id)
                ?? db.Set<TranscriptEntry>().Attach(new TranscriptEntry { Id = id, ConversationKey = conversationKey, Cipher = string.Empty }).Entity;
            db.Remove(entry);
        }
        db.Add(new TranscriptEntry
        {
            ConversationKey = conversationKey,
            Sender = TranscriptSender.Client,
            Cipher = _protector.Protect(text.Value),
            At = now,
        });
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

    /// <summary>The context buffer as it stood when the handoff was opened.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> ReadContextAsync(HandoffRequest handoff, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TranscriptEntry>().AsNoTracking()
            .Where(e => e.ConversationKey == handoff.ConversationKey && e.HandoffId == null)
            .OrderByDescending(e => e.Id)
            .Take(options.Value.ContextMessages)
            .ToListAsync(cancellationToken);
        return rows.Where(e => e.At <= handoff.CreatedAt).OrderBy(e => e.Id).Select(ToLine).ToList();
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
