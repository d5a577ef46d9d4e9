using Microsoft.Extensions.Options;

namespace PeerBot.Channels.DirectLine;

/// <summary>Prints the development Direct Line secret once at start-up, when the local web chat is on.</summary>
internal sealed partial class DirectLineStartupNotice(
    IServiceProvider services, IOptions<DirectLineOptions> options, IHostEnvironment environment,
    ILogger<DirectLineStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled ?? environment.IsDevelopment())
        {
            var secret = services.GetRequiredService<DirectLineSecret>(); // throws here when a secret is required
            if (secret.IsDevelopmentDefault)
                DevelopmentSecret(logger, secret.Value);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(9501, LogLevel.Warning, "Local web chat enabled. Development Direct Line secret (set PeerBot:DirectLine:Secret to fix it): {Secret}")]
    private static partial void DevelopmentSecret(ILogger logger, string secret);
}
