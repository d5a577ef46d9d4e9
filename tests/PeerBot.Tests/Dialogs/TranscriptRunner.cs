using System.Text;

namespace PeerBot.Tests.Dialogs;

/// <summary>
/// Plays a transcript through the real HTTP pipeline (<see cref="TranscriptSession"/>) and says where it first
/// differs: a bot line, a missing or extra line, or the turn's events.
/// </summary>
internal static class TranscriptRunner
{
    public static async Task<string?> RunAsync(Transcript transcript, TranscriptSession session)
    {
        foreach (var turn in transcript.Turns)
        {
            var (lines, events) = await session.PlayAsync(turn);
            var problem = Compare(turn.Bot, lines) ?? (turn.Events.SequenceEqual(events) ? null : "events differ");
            if (problem is not null)
                return $"{transcript.Name}:{turn.Line} '> {turn.User}': {problem}\n--- actual ---\n"
                    + string.Join("\n", lines.Select(l => "< " + l).Concat(events.Select(e => "! " + e)));
        }
        return null;
    }

    /// <summary>Plays only the user lines and writes what the bot said, in transcript form (for writing new ones).</summary>
    public static async Task<string> RecordAsync(Transcript transcript, IReadOnlyList<string> header)
    {
        await using var session = new TranscriptSession(transcript);
        var output = new StringBuilder();
        foreach (var line in header)
            output.Append(line).Append('\n');
        foreach (var turn in transcript.Turns)
        {
            var (lines, events) = await session.PlayAsync(turn);
            output.Append("> ").Append(turn.User).Append('\n');
            foreach (var line in lines)
                output.Append("< ").Append(line).Append('\n');
            foreach (var e in events)
                output.Append("! ").Append(e).Append('\n');
        }
        return output.ToString();
    }

    public static string? Compare(List<string> expected, List<string> actual)
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
