using Microsoft.Extensions.Options;

namespace PeerBot.Handoff;

/// <summary>Runs <see cref="HandoffTimers"/> every <see cref="HandoffOptions.TimerInterval"/> on the injected clock.</summary>
internal sealed class HandoffTimerService(
    IServiceScopeFactory scopes, IOptions<HandoffOptions> options, TimeProvider clock, ILogger<HandoffTimerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<HandoffTimers>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HandoffLog.TimersFailed(logger, ex);
            }
        }
    }
}
