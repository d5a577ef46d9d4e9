namespace PeerBot.Data;

/// <summary>
/// SQLite's one writer, in process: one write at a time, handed from each write to the next waiting one the moment
/// it ends. Urgent writes (the commit that opens a crisis handoff and sends the crisis reply) go before every routine
/// write already waiting (outbox clean-up, dialog state, alert records), so in a burst a crisis is committed and
/// shown in the console without queueing behind other conversations' routine work. Among writes of one kind the
/// order is first come, first served.
/// </summary>
internal sealed class WriteGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _routine = new();
    private bool _held;

    /// <summary>Writes waiting now (for the tests and diagnostics).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
                return _urgent.Count + _routine.Count;
        }
    }

    /// <summary>Waits for the gate; the caller must call <see cref="Exit"/> once it returns normally.</summary>
    public Task EnterAsync(bool urgent, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _routine).Enqueue(waiter);
        }
        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
    }

    /// <summary>
    /// A cancelled waiter stays queued and <see cref="Exit"/> skips it (its TrySetResult fails); a waiter handed the
    /// gate before the cancellation owns it and goes on.
    /// </summary>
    private static async Task WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(
            static state => ((TaskCompletionSource)state!).TrySetCanceled(), waiter);
        await waiter.Task;
    }

    /// <summary>Hands the gate to the next waiting write (urgent first) or frees it.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            while (_urgent.TryDequeue(out var next) || _routine.TryDequeue(out next))
            {
                if (next.TrySetResult())
                    return;
            }
            _held = false;
        }
    }
}
