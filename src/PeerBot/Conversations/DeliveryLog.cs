using System.Globalization;
using System.Text;

namespace PeerBot.Conversations;

/// <summary>
/// The de-duplication record (PROTOCOL.md §1.7): the activities a conversation received in the last
/// <see cref="Window"/>, kept in its own row (<see cref="ConversationRecord.RecentDeliveries"/>), which every turn
/// writes anyway, so that a re-delivery (Teams retries after ~15 s) is acknowledged without a second turn. Stored as
/// one line per delivery, <c>hash:unix-milliseconds</c>, oldest first; the hash is the first 128 bits of
/// <see cref="ConversationKeys.ActivityHash"/> (no channel ids at rest). Lines older than the window are dropped
/// whenever one is added, and at most <see cref="MaxKept"/> are kept (a flood cannot grow the row without bound; a
/// re-delivery of an activity older than the last <see cref="MaxKept"/> would then be taken as new).
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
        ArgumentNullException.ThrowIfNull(activityHash);
        if (string.IsNullOrEmpty(stored))
            return false;
        var key = Key(activityHash);
        var sinceMs = since.ToUnixTimeMilliseconds();
        foreach (var range in stored.AsSpan().Split('\n'))
        {
            var line = stored.AsSpan(range);
            if (line.Length > Kept + 1 && line[Kept] == ':' && line[..Kept].SequenceEqual(key)
                && long.TryParse(line[(Kept + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at >= sinceMs)
                return true;
        }
        return false;
    }

    /// <summary>The stored form with the delivery added and the lines older than <paramref name="since"/> dropped.</summary>
    public static string Add(string? stored, string activityHash, DateTimeOffset now, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(activityHash);
        var kept = new List<Range>();
        if (!string.IsNullOrEmpty(stored))
        {
            var sinceMs = since.ToUnixTimeMilliseconds();
            foreach (var range in stored.AsSpan().Split('\n'))
            {
                var line = stored.AsSpan(range);
                if (line.Length > Kept + 1 && line[Kept] == ':'
                    && long.TryParse(line[(Kept + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at >= sinceMs)
                    kept.Add(range);
            }
        }
        var text = new StringBuilder();
        foreach (var range in kept.Skip(Math.Max(0, kept.Count - (MaxKept - 1))))
            text.Append(stored.AsSpan(range)).Append('\n');
        return text.Append(Key(activityHash)).Append(':')
            .Append(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static ReadOnlySpan<char> Key(string activityHash) =>
        activityHash.Length >= Kept ? activityHash.AsSpan(0, Kept)
            : throw new ArgumentException("Not an activity hash.", nameof(activityHash));
}
