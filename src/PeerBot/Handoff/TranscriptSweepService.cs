using Microsoft.Extensions.Options;

namespace PeerBot.Handoff;

/// <summary>Runs <see cref="TranscriptJanitor"/> every <see cref="TranscriptPrivacyOptions.SweepInterval"/>.</summary>
internal sealed class TranscriptSweepService(
    IServiceScopeFactory scopes, IOptions<TranscriptPrivacyOptions> options, TimeProvider clock, ILogger<TranscriptSweepService> logger)
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
                    HandoffLog.TranscriptsSwept(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HandoffLog.SweepFailed(logger, ex);
            }
        }
    }
}
