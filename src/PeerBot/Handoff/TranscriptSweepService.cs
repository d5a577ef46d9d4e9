using Microsoft.Extensions.Options;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Runs <see cref="TranscriptJanitor"/> every <see cref="TranscriptPrivacyOptions.SweepInterval"/>, then scrubs what
/// it deleted off the disk (<see cref="DeletedContentScrubber"/>).
/// </summary>
internal sealed class TranscriptSweepService(
    IServiceScopeFactory scopes,
    DeletedContentScrubber scrubber,
    IOptions<TranscriptPrivacyOptions> options,
    TimeProvider clock,
    ILogger<TranscriptSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<TranscriptJanitor>().SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    HandoffLog.TranscriptsSwept(logger, deleted);
                    scrubber.Request();
                }
                await scrubber.ScrubIfRequestedAsync(scope.ServiceProvider.GetRequiredService<PeerBotDb>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HandoffLog.SweepFailed(logger, ex);
            }
        }
    }
}
