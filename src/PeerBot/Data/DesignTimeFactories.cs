using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeerBot.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>: one factory per provider, each with its own migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePeerBotDb>
{
    public SqlitePeerBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePeerBotDb>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPeerBotDb>
{
    public PostgresPeerBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPeerBotDb>().UseNpgsql("Host=localhost;Database=peerbot_design").Options);
}
