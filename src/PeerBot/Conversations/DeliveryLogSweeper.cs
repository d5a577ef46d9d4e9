using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Conversations;

/// <summary>
/// Forgets delivered activity hashes after the de-duplication window (10 minutes, PROTOCOL.md §1.7), so the
/// table stays small and a very late re-delivery is treated as new.
/// </summary>
internal sealed class DeliveryLogSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeliveryLogSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
                var cutoff = clock.GetUtcNow() - Window;
                await db.Set<InboundActivity>().Where(a => a.ReceivedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ConversationLog.SweepFailed(logger, ex);
            }
        }
    }
}
