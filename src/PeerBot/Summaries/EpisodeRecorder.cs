using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Safety;

namespace PeerBot.Summaries;

/// <summary>
/// Collects an opted-in client's episode facts in the turn's unit of work (encrypted). For a client who did not
/// opt in it records nothing at all. Cheap by design: building the summary happens later, in the sweeper.
/// </summary>
public sealed class EpisodeRecorder(
    PeerBotDb db, ConsentLedger ledger, SummaryProtector protector, IOptions<SummaryOptions> options, ILogger<EpisodeRecorder> logger)
{
    public const string CheckIn = "check-in";
    public const string Safety = "safety";

    private readonly Dictionary<string, bool> _optedIn = new(StringComparer.Ordinal);

    public async Task<bool> IsOptedInAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (!_optedIn.TryGetValue(conversationKey, out var optedIn))
        {
            optedIn = (await ledger.StatusAsync(conversationKey, cancellationToken)).OptedIn;
            _optedIn[conversationKey] = optedIn;
        }
        return optedIn;
    }

    /// <summary>Forgets the cached decision (after the client changed it in this turn).</summary>
    public void Forget(string conversationKey) => _optedIn.Remove(conversationKey);

    /// <summary>A client message: extends (or starts) the episode and notes a safety flag, if opted in.</summary>
    public async Task ObserveAsync(ConversationRecord record, SafetyOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!await IsOptedInAsync(record.Key, cancellationToken))
            return;
        await TouchAsync(record, now, cancellationToken);
        var top = outcome.Assessment.Top;
        if (outcome.EffectiveTier != DistressTier.None)
            Add(record.Key, Safety, new SafetyFlagLine(now, outcome.EffectiveTier.ToString().ToLowerInvariant(),
                top?.Category ?? "conversation-level"), now);
    }

    /// <summary>Records one fact if the client opted in; returns whether it did.</summary>
    public async Task<bool> RecordAsync<T>(ConversationRecord record, string kind, T fact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await IsOptedInAsync(record.Key, cancellationToken))
            return false;
        await TouchAsync(record, now, cancellationToken);
        Add(record.Key, kind, fact, now);
        return true;
    }

    /// <summary>Starts the episode at opt-in.</summary>
    public Task StartAsync(ConversationRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _optedIn[record.Key] = true;
        return TouchAsync(record, now, cancellationToken);
    }

    private async Task TouchAsync(ConversationRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var episode = db.FindTracked<Episode>(e => e.ConversationKey == record.Key)
            ?? await db.Set<Episode>().SingleOrDefaultAsync(e => e.ConversationKey == record.Key, cancellationToken);
        if (episode is null)
        {
            episode = new Episode { ConversationKey = record.Key, ChannelId = record.ChannelId, StartedAt = now };
            db.Add(episode);
        }
        episode.LastActivityAt = now;
        episode.DueAt = now + options.Value.EpisodeInactivity;
    }

    private void Add<T>(string conversationKey, string kind, T fact, DateTimeOffset now)
    {
        // A fact that cannot be encrypted is dropped, never stored in the clear.
        var cipher = protector.TryProtect(fact, logger);
        if (cipher is not null)
            db.Add(new EpisodeFact { ConversationKey = conversationKey, Kind = kind, Cipher = cipher, At = now });
    }
}
