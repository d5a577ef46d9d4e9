using Microsoft.Extensions.Options;
using PeerBot.Data;

namespace PeerBot.Summaries;

/// <summary>Runs <see cref="PrivacySweeper"/> every <see cref="SummaryOptions.SweepInterval"/>; purges daily.</summary>
internal sealed class PrivacySweepService(
    IServiceScopeFactory scopes, IOptions<SummaryOptions> options, TimeProvider clock, ILogger<PrivacySweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lastPurge = null;
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sweeper = scope.ServiceProvider.GetRequiredService<PrivacySweeper>();
                await sweeper.ApplyPendingErasuresAsync(stoppingToken);
                await sweeper.SummarizeDueAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (lastPurge is null || now - lastPurge >= options.Value.PurgeInterval)
                {
                    await sweeper.PurgeAsync(stoppingToken);
                    lastPurge = now;
                }
                if (await sweeper.ScrubAsync(stoppingToken) == ScrubResult.Busy)
                    SummaryLog.ScrubBusy(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SummaryLog.SweepFailed(logger, ex);
            }
        }
    }
}
