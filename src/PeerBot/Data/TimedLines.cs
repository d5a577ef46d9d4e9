using System.Globalization;
using System.Text;

namespace PeerBot.Data;

/// <summary>One line of a <see cref="TimedLines"/> column: when it was written and its text.</summary>
public readonly record struct TimedLine(DateTimeOffset At, string Text);

/// <summary>
/// A short list of timed lines kept in one text column of a row that is written anyway (the conversation's context
/// buffer and its de-duplication record): one line each, oldest first, <c>unix-milliseconds:text</c>. The texts are
/// cipher texts (Data Protection's base64url) or hex hashes: no ':' and no line break, so the form needs no escaping.
/// </summary>
public static class TimedLines
{
    public static List<TimedLine> Read(string? stored)
    {
        var lines = new List<TimedLine>();
        if (string.IsNullOrEmpty(stored))
            return lines;
        foreach (var range in stored.AsSpan().Split('\n'))
        {
            var line = stored.AsSpan(range);
            var colon = line.IndexOf(':');
            if (colon <= 0 || !long.TryParse(line[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                continue; // not a line this class wrote: dropped rather than used
            lines.Add(new TimedLine(DateTimeOffset.FromUnixTimeMilliseconds(ms), line[(colon + 1)..].ToString()));
        }
        return lines;
    }

    /// <summary>The stored form of <paramref name="lines"/>; null for none.</summary>
    public static string? Write(IReadOnlyList<TimedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            return null;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Text.Contains(':', StringComparison.Ordinal) || line.Text.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException("A timed line's text cannot hold ':' or a line break.", nameof(lines));
            if (text.Length > 0)
                text.Append('\n');
            text.Append(line.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append(':').Append(line.Text);
        }
        return text.ToString();
    }

    /// <summary>
    /// The stored form without the lines at or before <paramref name="cutoff"/> (and the number removed); the stored
    /// form unchanged when none is.
    /// </summary>
    public static (string? Stored, int Removed) Without(string? stored, DateTimeOffset cutoff)
    {
        var lines = Read(stored);
        var removed = lines.RemoveAll(l => l.At <= cutoff);
        return removed == 0 ? (stored, 0) : (Write(lines), removed);
    }
}
