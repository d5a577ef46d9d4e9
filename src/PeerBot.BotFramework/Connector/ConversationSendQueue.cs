namespace PeerBot.BotFramework.Connector;

/// <summary>
/// Runs connector calls for one conversation one at a time, in the order they were started (PROTOCOL.md §1.7:
/// the service keeps order only if each send completes before the next). Different conversations run in parallel.
/// </summary>
internal sealed class ConversationSendQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            _tails[key] = done.Task;
        }
        try
        {
            await previous.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Hand the slot on only after the call ahead of us finishes, so order is kept for those behind.
            _ = previous.ContinueWith(_ => Release(key, done), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        try
        {
            return await work();
        }
        finally
        {
            Release(key, done);
        }
    }

    /// <summary>Number of conversations with a call running or waiting.</summary>
    internal int ActiveConversations
    {
        get
        {
            lock (_gate)
                return _tails.Count;
        }
    }

    private void Release(string key, TaskCompletionSource done)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(key, out var tail) && tail == done.Task)
                _tails.Remove(key);
        }
        done.SetResult();
    }
}
