using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

public static class DataServices
{
    public const string ConnectionStringName = "PeerBot";

    public static WebApplicationBuilder AddPeerBotData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "PeerBot:Database:Provider is Postgres but ConnectionStrings:PeerBot is not set.");
            builder.Services.AddDbContext<PeerBotDb, PostgresPeerBotDb>(o => o.UseNpgsql(connectionString));
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var csb = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? "Data Source=peerbot.db" : connectionString)
            {
                Pooling = true,
                DefaultTimeout = 30,
            };
            builder.Services.AddDbContext<PeerBotDb, SqlitePeerBotDb>(o => o.UseSqlite(csb.ConnectionString));
        }
        else
        {
            throw new InvalidOperationException(
                "PeerBot:Database:Provider must be Sqlite or Postgres.");
        }

        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
