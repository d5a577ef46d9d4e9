using System.Text;
using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Dialogs;

namespace PeerBot.Tests.Dialogs;

/// <summary>Plays a transcript through the real engine and renderer and says where it first differs.</summary>
internal static class TranscriptRunner
{
    public static async Task<string?> RunAsync(Transcript transcript, DialogTestHost host)
    {
        foreach (var turn in transcript.Turns)
        {
            var (kind, offerPeer, text) = Input(turn);
            var result = await host.SendAsync(text, transcript.Channel, transcript.Locale, kind, offerPeer);
            var lines = result.Messages.SelectMany(m => host.Renderer.Render(m, transcript.Channel)).SelectMany(Lines).ToList();
            var events = result.Events.Select(Describe).ToList();
            var problem = Compare(turn.Bot, lines) ?? (turn.Events.SequenceEqual(events) ? null : "events differ");
            if (problem is not null)
                return $"{transcript.Name}:{turn.Line} '> {turn.User}': {problem}\n--- actual ---\n"
                    + string.Join("\n", lines.Select(l => "< " + l).Concat(events.Select(e => "! " + e)));
        }
        return null;
    }

    /// <summary>Plays only the user lines and writes what the bot said, in transcript form (for writing new ones).</summary>
    public static async Task<string> RecordAsync(Transcript transcript, DialogTestHost host)
    {
        var output = new StringBuilder($"# channel: {transcript.Channel}\n# locale: {transcript.Locale}\n");
        foreach (var turn in transcript.Turns)
        {
            var (kind, offerPeer, text) = Input(turn);
            var result = await host.SendAsync(text, transcript.Channel, transcript.Locale, kind, offerPeer);
            output.Append("> ").Append(turn.User).Append('\n');
            foreach (var line in result.Messages.SelectMany(m => host.Renderer.Render(m, transcript.Channel)).SelectMany(Lines))
                output.Append("< ").Append(line).Append('\n');
            foreach (var e in result.Events)
                output.Append("! ").Append(Describe(e)).Append('\n');
        }
        return output.ToString();
    }

    public static (DialogInputKind Kind, bool OfferPeer, string Text) Input(TranscriptTurn turn) => turn.User switch
    {
        "(welcome)" => (DialogInputKind.Welcome, false, string.Empty),
        var u when u.StartsWith("(offer-peer) ", StringComparison.Ordinal) => (DialogInputKind.Message, true, u["(offer-peer) ".Length..]),
        var u => (DialogInputKind.Message, false, u),
    };

    public static IEnumerable<string> Lines(Activity activity)
    {
        foreach (var line in (activity.Text ?? string.Empty).Split('\n').Where(l => activity.Text is not null))
            yield return line;
        if (activity.SuggestedActions is { } actions)
            yield return string.Join(" ", actions.Actions.Select(a => $"[{a.Title}]"));
        foreach (var card in activity.Attachments ?? [])
        {
            var content = card.Content!.Value;
            foreach (var line in content.GetProperty("text").GetString()!.Split('\n'))
                yield return line;
            yield return "card: " + string.Join(" ", content.GetProperty("buttons").EnumerateArray()
                .Select(b => $"[{b.GetProperty("title").GetString()}]"));
        }
    }

    public static string Describe(DialogEvent e) => e switch
    {
        DialogEvent.HandoffRequested h => $"handoff: {h.Reason}",
        DialogEvent.CheckInCompleted c => $"check-in: mood={c.Mood} craving={c.Craving} sleep={c.Sleep} use={(c.AnyUse ? "yes" : "no")}",
        DialogEvent.PrivacyCommand p => $"privacy: {p.Command}",
        DialogEvent.LocaleChanged l => $"locale: {l.Locale}",
        DialogEvent.SummaryFact f => $"fact: {f.Kind} {f.Detail}",
        DialogEvent.ScheduleRequested s => $"schedule: {s.Kind} {s.LocalTime:HH\\:mm} "
            + (s.OnceOn is { } once ? $"on {once:yyyy-MM-dd}" : s.Days.Count == 0 ? "daily" : string.Join(",", s.Days).ToLowerInvariant())
            + (s.Topic is null ? string.Empty : $" topic={s.Topic}") + $" zone={s.TimeZone ?? "channel"}",
        DialogEvent.ScheduleCancelled c => $"schedule-cancel: {c.Kind}{(c.Number is { } n ? $" {n}" : string.Empty)}",
        DialogEvent.QuietHoursChanged q => $"quiet-hours: {q.Start:HH\\:mm}-{q.End:HH\\:mm}",
        DialogEvent.DiscreetModeChanged d => $"discreet: {(d.Enabled ? "on" : "off")}",
        _ => e.ToString(),
    };

    private static string? Compare(List<string> expected, List<string> actual)
    {
        var a = 0;
        for (var e = 0; e < expected.Count; e++)
        {
            if (expected[e] == "*")
            {
                if (e + 1 == expected.Count)
                    return null;
                while (a < actual.Count && !Matches(expected[e + 1], actual[a]))
                    a++;
                continue;
            }
            if (a >= actual.Count)
                return $"expected '{expected[e]}' but the bot said nothing more";
            if (!Matches(expected[e], actual[a]))
                return $"expected '{expected[e]}' but got '{actual[a]}'";
            a++;
        }
        return a == actual.Count ? null : $"the bot said more: '{actual[a]}'";
    }

    private static bool Matches(string expected, string actual) =>
        expected.EndsWith("...", StringComparison.Ordinal)
            ? actual.StartsWith(expected[..^3], StringComparison.Ordinal)
            : expected == actual;
}
