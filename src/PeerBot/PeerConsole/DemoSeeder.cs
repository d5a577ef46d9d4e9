using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.Data;

namespace PeerBot.PeerConsole;

/// <summary>In Development only: seeds two demo peers and a coordinator and prints how to sign in.</summary>
internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes, IHostEnvironment environment, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public static readonly (string Email, string Name, string Role)[] Accounts =
    [
        ("peer1@demo.local", "Sam", PeerRoles.Peer),
        ("peer2@demo.local", "Alex", PeerRoles.Peer),
        ("coordinator@demo.local", "Jordan", PeerRoles.Coordinator),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !options.Value.Seed)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var accounts = scope.ServiceProvider.GetRequiredService<PeerAccounts>();
        foreach (var (email, name, role) in Accounts)
        {
            if (!await db.Set<PeerAccount>().AnyAsync(a => a.Email == email, cancellationToken))
                await accounts.CreateAsync(email, name, options.Value.Password, role, cancellationToken);
        }
        DemoAccounts(logger, string.Join(", ", Accounts.Select(a => a.Email)), options.Value.Password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(3101, LogLevel.Warning, "Development console accounts: {Emails}; password: {Password} (set PeerBot:Demo:Password). Console: /console/")]
    private static partial void DemoAccounts(ILogger logger, string emails, string password);
}
