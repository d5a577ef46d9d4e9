namespace PeerBot.Conversations;

/// <summary>Retries queued sends whose backoff has passed, so a failed send is never dropped.</summary>
internal sealed class OutboxSweeper(ReplyOutbox outbox, TimeProvider clock, ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var key in await outbox.DueConversationsAsync(100, stoppingToken))
                    await outbox.DispatchAsync(key, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ConversationLog.SweepFailed(logger, ex);
            }
        }
    }
}
