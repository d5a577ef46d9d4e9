using PeerBot.Data;

namespace PeerBot.Conversations;

/// <summary>
/// The de-duplication record (PROTOCOL.md §1.7): the activities a conversation received in the last
/// <see cref="Window"/>, kept in its own row (<see cref="ConversationRecord.RecentDeliveries"/>, <see cref="TimedLines"/>),
/// which every turn writes anyway, so that a re-delivery (Teams retries after ~15 s) is acknowledged without a second
/// turn. Each line is the first 128 bits of <see cref="ConversationKeys.ActivityHash"/> (no channel ids at rest).
/// Lines older than the window are dropped whenever one is added, and at most <see cref="MaxKept"/> are kept (a flood
/// cannot grow the row without bound; a re-delivery of an activity older than the last <see cref="MaxKept"/> would
/// then be taken as new).
/// </summary>
public static class DeliveryLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries remembered at most (about 10 KB): far more than a person sends in ten minutes.</summary>
    public const int MaxKept = 200;

    /// <summary>Hex characters of the activity hash kept (128 bits).</summary>
    private const int Kept = 32;

    /// <summary>True if the activity was delivered at or after <paramref name="since"/>.</summary>
    public static bool Seen(string? stored, string activityHash, DateTimeOffset since)
    {
        var key = Key(activityHash);
        return TimedLines.Read(stored).Exists(l => l.At >= since && l.Text == key);
    }

    /// <summary>The stored form with the delivery added and the lines older than <paramref name="since"/> dropped.</summary>
    public static string Add(string? stored, string activityHash, DateTimeOffset now, DateTimeOffset since)
    {
        var key = Key(activityHash);
        var lines = TimedLines.Read(stored);
        lines.RemoveAll(l => l.At < since);
        if (lines.Count >= MaxKept)
            lines.RemoveRange(0, lines.Count - MaxKept + 1);
        lines.Add(new TimedLine(now, key));
        return TimedLines.Write(lines)!;
    }

    private static string Key(string activityHash)
    {
        ArgumentNullException.ThrowIfNull(activityHash);
        return activityHash.Length >= Kept ? activityHash[..Kept] : throw new ArgumentException("Not an activity hash.", nameof(activityHash));
    }
}
