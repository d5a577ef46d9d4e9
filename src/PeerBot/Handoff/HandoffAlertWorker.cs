namespace PeerBot.Handoff;

/// <summary>Sends queued alerts through <see cref="HandoffNotifier"/>, a few at a time, each in its own scope.</summary>
internal sealed class HandoffAlertWorker(HandoffAlertQueue queue, IServiceScopeFactory scopes, Conversations.CrisisFirst crisisFirst,
    ILogger<HandoffAlertWorker> logger)
    : BackgroundService
{
    /// <summary>Alerts in flight at once: a burst of crises is posted and paged in parallel, not one by one.</summary>
    public const int Parallel = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // In a burst, every crisis is committed and shown in the consoles first: the alerts queued by then
                // wait once (at most half a second), then all go out.
                await crisisFirst.IdleAsync(stoppingToken);
                while (queue.Reader.TryRead(out var alert))
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<HandoffNotifier>().AlertAsync(alert.HandoffId, alert.Kind, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        HandoffLog.AlertWorkerFailed(logger, ex, alert.HandoffId, alert.Kind.ToString());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unsent alerts are covered by the SLA timers.
        }
    }
}
