using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.Summaries;

/// <summary>Turns an ended episode's facts (and its closed handoffs) into a redacted <see cref="SummaryContent"/>.</summary>
public sealed class SummaryBuilder(PeerBotDb db, SummaryProtector protector, TranscriptStore transcripts, SummaryRedactor redactor)
{
    public async Task<(SummaryContent Content, long LastFactId, string MaxTier)> BuildAsync(
        Episode episode, string locale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var facts = await db.Set<EpisodeFact>().AsNoTracking()
            .Where(f => f.ConversationKey == episode.ConversationKey)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var checkIns = new List<CheckInLine>();
        var strategies = new List<StrategyLine>();
        var resources = new List<string>();
        var flags = new List<SafetyFlagLine>();
        foreach (var fact in facts)
        {
            switch (fact.Kind)
            {
                case EpisodeRecorder.CheckIn:
                    checkIns.Add(protector.Unprotect<CheckInLine>(fact.Cipher));
                    break;
                case EpisodeRecorder.Safety:
                    flags.Add(protector.Unprotect<SafetyFlagLine>(fact.Cipher));
                    break;
                default:
                    var line = protector.Unprotect<FactLine>(fact.Cipher);
                    var detail = await redactor.RedactAsync(line.Detail, locale, cancellationToken);
                    if (line.Kind.StartsWith("strategy", StringComparison.OrdinalIgnoreCase))
                        strategies.Add(Strategy(line.Kind, detail));
                    else
                        resources.Add(detail);
                    break;
            }
        }

        var closed = await db.Set<HandoffRequest>().AsNoTracking()
            .Where(h => h.ConversationKey == episode.ConversationKey && h.State == HandoffState.Closed && h.ClosedAt >= episode.StartedAt)
            .ToListAsync(cancellationToken);
        var handoffs = new List<HandoffLine>();
        foreach (var h in closed.OrderBy(h => h.ClosedAt))
        {
            var note = h.NoteCipher is null ? null : await redactor.RedactAsync(transcripts.Unprotect(h.NoteCipher), locale, cancellationToken);
            handoffs.Add(new HandoffLine(h.ClosedAt!.Value, h.Outcome ?? "closed", note));
        }

        var trend = Trend(checkIns);
        var maxTier = flags.Count == 0 ? "none" : flags.MaxBy(f => TierRank(f.Tier))!.Tier;
        var draft = new SummaryContent(episode.StartedAt, now, checkIns, trend, strategies, resources.Distinct().ToList(), flags, handoffs, "");
        return (draft with { Narrative = Narrate(draft) }, facts.Count == 0 ? 0 : facts[^1].Id, maxTier);
    }

    /// <summary>"strategy-helped" / "strategy-not-helped" kinds, or a detail ending in ":helped" / ":not-helped".</summary>
    private static StrategyLine Strategy(string kind, string detail)
    {
        bool? helped = kind.EndsWith("not-helped", StringComparison.OrdinalIgnoreCase) ? false
            : kind.EndsWith("helped", StringComparison.OrdinalIgnoreCase) ? true : null;
        var name = detail;
        var colon = detail.LastIndexOf(':');
        if (helped is null && colon > 0)
        {
            var tail = detail[(colon + 1)..].Trim().ToLowerInvariant();
            helped = tail switch { "helped" or "yes" or "true" => true, "not-helped" or "no" or "false" => false, _ => null };
            if (helped is not null)
                name = detail[..colon].Trim();
        }
        return new StrategyLine(name, helped);
    }

    public static string? Trend(IReadOnlyList<CheckInLine> checkIns)
    {
        if (checkIns.Count < 2)
            return null;
        var first = checkIns[0];
        var last = checkIns[^1];
        static string Direction(int from, int to, string better, string worse) =>
            to > from ? better : to < from ? worse : "steady";
        var mood = Direction(first.Mood, last.Mood, "improving", "worsening");
        var craving = Direction(first.Craving, last.Craving, "rising", "easing");
        return string.Create(CultureInfo.InvariantCulture,
            $"mood {mood} ({first.Mood}→{last.Mood}), craving {craving} ({first.Craving}→{last.Craving})");
    }

    public static string Narrate(SummaryContent s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (s.CheckIns.Count > 0)
        {
            var last = s.CheckIns[^1];
            text.Append(culture, $"{s.CheckIns.Count} check-in(s); latest mood {last.Mood}/10, craving {last.Craving}/10");
            if (last.AnyUse)
                text.Append(", reported use");
            text.Append(s.Trend is null ? ". " : $"; {s.Trend}. ");
        }
        if (s.Strategies.Count > 0)
        {
            var parts = s.Strategies.Select(x => x.Helped switch { true => $"{x.Name} (helped)", false => $"{x.Name} (did not help)", _ => x.Name });
            text.Append(culture, $"Tried {string.Join(", ", parts)}. ");
        }
        if (s.Resources.Count > 0)
            text.Append(culture, $"Looked up {string.Join(", ", s.Resources)}. ");
        if (s.SafetyFlags.Count > 0)
        {
            var top = s.SafetyFlags.MaxBy(f => TierRank(f.Tier))!;
            text.Append(culture, $"{s.SafetyFlags.Count} safety flag(s), highest {top.Tier} ({top.Category}). ");
        }
        foreach (var h in s.Handoffs)
            text.Append(culture, $"Talked with a peer: {h.Outcome}. ");
        return text.Length == 0 ? "A short conversation with nothing to note." : text.ToString().Trim();
    }

    public static int TierRank(string tier) => tier switch
    {
        "crisis" => 3,
        "high" => 2,
        "moderate" => 1,
        _ => 0,
    };
}
