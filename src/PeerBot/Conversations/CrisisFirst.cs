namespace PeerBot.Conversations;

/// <summary>
/// In a burst, every crisis reaches the consoles before work that can wait. A turn counts as "ahead" from the moment
/// it holds its conversation until its message is screened as no crisis, or until its crisis is committed (the
/// handoff stored, the console told, the crisis reply sent). The rest of a crisis turn (place in line, dialog) and
/// peer alerts wait in <see cref="IdleAsync"/> until no turn is ahead, at most <see cref="AtMost"/> so they are
/// delayed, never starved. Routine turns never wait here. One per process.
/// </summary>
public sealed class CrisisFirst
{
    /// <summary>The longest that waiting work stands aside.</summary>
    public static readonly TimeSpan AtMost = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private int _ahead;
    private TaskCompletionSource? _idle;

    /// <summary>Turns ahead now (for the tests and diagnostics).</summary>
    public int Ahead => Volatile.Read(ref _ahead);

    /// <summary>Counts a turn ahead until the returned place is left (or disposed).</summary>
    public Place Enter()
    {
        lock (_lock)
            _ahead++;
        return new Place(this);
    }

    /// <summary>Completes when no turn is ahead, or after <see cref="AtMost"/>.</summary>
    public Task IdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_lock)
        {
            if (_ahead == 0)
                return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }
        return WaitAtMostAsync(idle, cancellationToken);
    }

    private static async Task WaitAtMostAsync(Task idle, CancellationToken cancellationToken)
    {
        try
        {
            await idle.WaitAsync(AtMost, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Long enough: go on beside the turns still ahead.
        }
    }

    private void Leave()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_ahead == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }
        idle?.TrySetResult();
    }

    /// <summary>A turn's place ahead; leaving twice is leaving once.</summary>
    public sealed class Place(CrisisFirst owner) : IDisposable
    {
        private int _left;

        public void Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                owner.Leave();
        }

        public void Dispose() => Leave();
    }
}
