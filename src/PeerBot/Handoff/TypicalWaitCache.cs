namespace PeerBot.Handoff;

/// <summary>
/// The typical wait told to clients in the queue ("about 4 minutes"), shared by the process and recomputed at most
/// every <see cref="Fresh"/>: it is the median over the last 50 claims, which a few seconds do not change, and the
/// query behind it reads the claim history (every crisis turn in a burst asked it again).
/// </summary>
public sealed class TypicalWaitCache(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private Entry? _last;

    public async Task<TimeSpan?> GetAsync(Func<CancellationToken, Task<TimeSpan?>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _last) is { } last && now - last.At < Fresh && now >= last.At)
            return last.Value;
        var value = await compute(cancellationToken);
        Volatile.Write(ref _last, new Entry(value, now));
        return value;
    }

    private sealed record Entry(TimeSpan? Value, DateTimeOffset At);
}
