using Microsoft.Extensions.Options;

namespace PeerBot.Channels.DirectLine;

/// <summary>Forgets idle local web chat conversations.</summary>
internal sealed class DirectLineJanitor(DirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            store.ForgetIdle(options.Value.IdleTimeout);
    }
}
