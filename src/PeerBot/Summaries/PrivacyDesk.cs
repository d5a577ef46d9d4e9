using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Safety;

namespace PeerBot.Summaries;

/// <summary>
/// The client's privacy controls, called by the turn pipeline: the <c>privacy</c>, <c>my data</c> and
/// <c>delete my data</c> commands (<see cref="DialogEvent.PrivacyCommand"/>), the yes/no answers they ask for,
/// the consent offer after the first check-in, and the episode facts of opted-in clients. Everything is added to
/// the turn's unit of work; nothing here builds a summary (that is <see cref="PrivacySweeper"/>, off the reply path).
/// </summary>
public sealed class PrivacyDesk(
    PeerBotDb db,
    ConsentLedger ledger,
    ConsentTexts texts,
    EpisodeRecorder episodes,
    DataEraser eraser,
    DeletedContentScrubber scrubber,
    SummaryProtector protector,
    IOptions<SummaryOptions> options,
    ILogger<PrivacyDesk> logger)
{
    // Asked on every client message (compiled: no expression work per turn).
    private static readonly CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<PrivacyPrompt?>>> PromptOf =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<PrivacyPrompt>().SingleOrDefault(p => p.ConversationKey == key)));

    public const string Privacy = "privacy";
    public const string MyData = "my data";
    public const string DeleteMyData = "delete my data";

    /// <summary>Every client message: the episode and safety flags of opted-in clients.</summary>
    public Task ObserveTurnAsync(ConversationRecord record, SafetyOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        episodes.ObserveAsync(record, outcome, now, cancellationToken);

    /// <summary>The answer to a pending yes/no question, or null when none is pending (the dialog runs).</summary>
    public async Task<IReadOnlyList<OutgoingMessage>?> TryAnswerAsync(
        ConversationRecord record, ClientText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (TurnFacts.Of(db, record.Key) is { PrivacyPrompt: false }
            && !db.AnyTracked<PrivacyPrompt>(p => p.ConversationKey == record.Key))
            return null;
        var prompt = await PromptOf.For(db)(db, record.Key, cancellationToken);
        if (prompt is null)
            return null;
        db.Remove(prompt);
        var answer = PrivacyTexts.YesNo(text.Value);
        var locale = record.Locale;
        if (prompt.Kind == PrivacyPrompt.Consent)
        {
            if (answer is null)
                return null; // not an answer: the dialog takes the message; the client can type "privacy" later
            var version = texts.For(locale).Version;
            ledger.Add(record.Key, answer.Value ? ConsentAction.OptedIn : ConsentAction.OptedOut, record.ChannelId, version, now);
            SummaryLog.Consent(logger, record.Key, answer.Value ? "opted-in" : "opted-out", version);
            if (answer.Value)
            {
                await episodes.StartAsync(record, now, cancellationToken);
                return [OutgoingMessage.Plain(PrivacyTexts.OptedIn(locale))];
            }
            episodes.Forget(record.Key);
            // Opting out stops collection: the current episode's facts go now; stored summaries stay until
            // "delete my data" or their retention.
            await db.Set<EpisodeFact>().Where(f => f.ConversationKey == record.Key).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Episode>().Where(e => e.ConversationKey == record.Key).ExecuteDeleteAsync(cancellationToken);
            scrubber.Request();
            return [OutgoingMessage.Plain(PrivacyTexts.OptedOut(locale))];
        }

        if (answer is null)
            return null; // not an answer ("peer", a question): nothing is erased and the dialog takes the message
        if (answer != true)
            return [OutgoingMessage.Plain(PrivacyTexts.EraseCancelled(locale))];
        if (await eraser.HasOpenHandoffAsync(record.Key, cancellationToken))
        {
            ledger.Add(record.Key, ConsentAction.ErasureRequested, record.ChannelId, null, now);
            SummaryLog.ErasureDeferred(logger, record.Key);
            return [OutgoingMessage.Plain(PrivacyTexts.EraseDeferred(locale))];
        }
        ledger.Add(record.Key, ConsentAction.ErasureRequested, record.ChannelId, null, now);
        await eraser.EraseAsync(record, now, cancellationToken);
        scrubber.Request();
        episodes.Forget(record.Key);
        return [OutgoingMessage.Plain(PrivacyTexts.Erased(locale))];
    }

    public async Task<IReadOnlyList<OutgoingMessage>> CommandAsync(
        ConversationRecord record, string command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(command);
        switch (Normalize(command))
        {
            case MyData:
                return [OutgoingMessage.Plain(await MyDataAsync(record, cancellationToken))];
            case DeleteMyData:
                await AskAsync(record.Key, PrivacyPrompt.Erase, now, cancellationToken);
                return [YesNoQuestion(PrivacyTexts.ConfirmErase(record.Locale), record.Locale)];
            default:
                return await OfferAsync(record, now, cancellationToken);
        }
    }

    /// <summary>After a check-in: records it for opted-in clients; offers consent once if never asked.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> CheckInCompletedAsync(
        ConversationRecord record, DialogEvent.CheckInCompleted checkIn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(checkIn);
        if (await episodes.RecordAsync(record, EpisodeRecorder.CheckIn,
                new CheckInLine(now, checkIn.Mood, checkIn.Craving, checkIn.Sleep, checkIn.AnyUse), now, cancellationToken))
            return [];
        // A hard check-in ends with "would you like to talk with a peer?" (check-in.yaml, needs-peer): a consent
        // question after it would take the client's "yes" meant for the peer. Ask after a calmer check-in instead.
        if (checkIn.Mood <= 1 || checkIn.Craving >= 8 || checkIn.AnyUse)
            return [];
        var status = await ledger.StatusAsync(record.Key, cancellationToken);
        if (status.EverAsked)
            return [];
        ledger.Add(record.Key, ConsentAction.Offered, record.ChannelId, texts.For(record.Locale).Version, now);
        return await OfferAsync(record, now, cancellationToken);
    }

    /// <summary>A strategy tried, a resource looked up: kept for opted-in clients only.</summary>
    public Task FactAsync(ConversationRecord record, DialogEvent.SummaryFact fact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return episodes.RecordAsync(record, fact.Kind, new FactLine(fact.Kind, fact.Detail), now, cancellationToken);
    }

    private async Task<IReadOnlyList<OutgoingMessage>> OfferAsync(ConversationRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await AskAsync(record.Key, PrivacyPrompt.Consent, now, cancellationToken);
        return [YesNoQuestion(texts.For(record.Locale).Body, record.Locale)];
    }

    private async Task AskAsync(string conversationKey, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prompt = db.FindTracked<PrivacyPrompt>(p => p.ConversationKey == conversationKey)
            ?? await db.Set<PrivacyPrompt>().SingleOrDefaultAsync(p => p.ConversationKey == conversationKey, cancellationToken);
        if (prompt is null)
            db.Add(new PrivacyPrompt { ConversationKey = conversationKey, Kind = kind, At = now });
        else
        {
            if (db.Entry(prompt).State == EntityState.Deleted)
                db.Entry(prompt).State = EntityState.Unchanged;
            prompt.Kind = kind;
            prompt.At = now;
        }
    }

    private async Task<string> MyDataAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        var status = await ledger.StatusAsync(record.Key, cancellationToken);
        var summaries = db.Set<ClientSummary>().AsNoTracking().Where(s => s.ConversationKey == record.Key);
        var count = await summaries.CountAsync(cancellationToken);
        var latest = await summaries.OrderByDescending(s => s.CreatedAt).Take(options.Value.MyDataLatest).ToListAsync(cancellationToken);
        var hasFacts = await db.Set<EpisodeFact>().AnyAsync(f => f.ConversationKey == record.Key, cancellationToken);
        var lines = latest.Select(s => (s.CreatedAt, protector.Unprotect<SummaryContent>(s.Cipher).Narrative)).ToList();
        return PrivacyTexts.MyData(record.Locale, status.OptedIn, status.DecidedAt, count, lines, hasFacts);
    }

    private static string Normalize(string command) => command.Trim().ToLowerInvariant() switch
    {
        "my data" or "mydata" or "mis datos" or "my-data" => MyData,
        "delete my data" or "delete" or "borrar mis datos" or "delete-my-data" or "erase" => DeleteMyData,
        _ => Privacy,
    };

    /// <summary>A yes/no question; on SMS the numbered options end with a hint in the client's language.</summary>
    private static OutgoingMessage YesNoQuestion(string text, string locale) =>
        locale.StartsWith("es", StringComparison.OrdinalIgnoreCase)
            ? new OutgoingMessage(text, ["Sí", "No"]) { ReplyHint = "Responde 1 o 2." }
            : new OutgoingMessage(text, ["Yes", "No"]) { ReplyHint = "Reply 1 or 2." };
}

/// <summary>A dialog's summary fact as stored (encrypted) until the episode is summarized.</summary>
public sealed record FactLine(string Kind, string Detail);
