using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>
/// Creates or upgrades the schema (each provider has its own migrations in Data/Migrations) before the service
/// takes traffic; SQLite runs in WAL mode. Then warms what the first turns would otherwise pay for (read-only).
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // Read-only warm-up of the turn path's first uses, before the server listens (the first burst after a start).
        await scope.ServiceProvider.GetRequiredService<Conversations.ConversationStore>().WarmUpAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            DirectSave.Prepare(db.Model);
            // Resolved here so the container owns it and closes its writer connection when the host stops.
            _ = scope.ServiceProvider.GetService<SqlitePragmas>();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
