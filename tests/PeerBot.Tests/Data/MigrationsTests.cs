using Microsoft.EntityFrameworkCore;
using PeerBot.Data;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Data;

public sealed class MigrationsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_MigratesFreshDatabase_AndModelHasNoPendingChanges(string provider)
    {
        await using var app = new PeerBotApp(provider: provider);
        using var http = app.CreateClient(); // starts the host, which migrates

        var (applied, pending, modelChanged) = await app.WithDbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList(),
            db.Database.HasPendingModelChanges()));

        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.False(modelChanged, $"The {provider} model changed without a migration: run dotnet ef migrations add (see README).");
    }

    [Fact]
    public async Task Sqlite_RunsInWalMode()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();

        var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }
}
