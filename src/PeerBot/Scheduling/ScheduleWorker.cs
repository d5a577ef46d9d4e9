using Microsoft.Extensions.Options;

namespace PeerBot.Scheduling;

/// <summary>Runs due check-ins and reminders every <see cref="SchedulingOptions.PollInterval"/>.</summary>
internal sealed class ScheduleWorker(
    ScheduleDispatcher dispatcher, IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<ScheduleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SchedulingLog.PassFailed(logger, ex);
            }
        }
    }
}
