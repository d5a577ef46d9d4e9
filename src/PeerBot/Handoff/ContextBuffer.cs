using System.Globalization;
using System.Text;

namespace PeerBot.Handoff;

/// <summary>One line of the context buffer, as stored: when it was said and its cipher text.</summary>
public readonly record struct ContextLine(DateTimeOffset At, string Cipher);

/// <summary>
/// The context buffer's stored form (<see cref="Conversations.ConversationRecord.ContextBuffer"/>): one line per
/// message, oldest first, <c>unix-milliseconds:cipher</c>. Cipher texts are Data Protection's base64url output
/// (no ':' and no line break), so the form needs no escaping. Content never appears here unencrypted.
/// </summary>
public static class ContextBuffer
{
    public static List<ContextLine> Read(string? stored)
    {
        var lines = new List<ContextLine>();
        if (string.IsNullOrEmpty(stored))
            return lines;
        foreach (var range in stored.AsSpan().Split('\n'))
        {
            var line = stored.AsSpan(range);
            var colon = line.IndexOf(':');
            if (colon <= 0 || !long.TryParse(line[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                continue; // not a line this class wrote: dropped rather than shown
            lines.Add(new ContextLine(DateTimeOffset.FromUnixTimeMilliseconds(ms), line[(colon + 1)..].ToString()));
        }
        return lines;
    }

    /// <summary>The stored form of <paramref name="lines"/>; null for none.</summary>
    public static string? Write(IReadOnlyList<ContextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            return null;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Cipher.Contains(':', StringComparison.Ordinal) || line.Cipher.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException("A cipher text cannot hold ':' or a line break.", nameof(lines));
            if (text.Length > 0)
                text.Append('\n');
            text.Append(line.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append(':').Append(line.Cipher);
        }
        return text.ToString();
    }

    /// <summary>
    /// The stored form without the lines at or before <paramref name="cutoff"/> (and the number removed); the
    /// stored form unchanged when none is.
    /// </summary>
    public static (string? Stored, int Removed) Without(string? stored, DateTimeOffset cutoff)
    {
        var lines = Read(stored);
        var removed = lines.RemoveAll(l => l.At <= cutoff);
        return removed == 0 ? (stored, 0) : (Write(lines), removed);
    }
}
