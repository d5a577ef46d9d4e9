using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

public static class DataServices
{
    public const string ConnectionStringName = "PeerBot";

    /// <summary>
    /// Contexts are pooled: building a context's options and internal services on every request was a top
    /// allocation and CPU cost of a turn under load. A pooled context is reset (tracking, events, connection) when
    /// its scope ends, so it carries nothing from one turn to the next.
    /// </summary>
    private const int PoolSize = 256;

    public static WebApplicationBuilder AddPeerBotData(this WebApplicationBuilder builder)
    {
        builder.Services.AddPeerBotDb(builder.Configuration);
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// The <see cref="PeerBotDb"/> registration alone, from configuration, for hosts without a
    /// <see cref="WebApplicationBuilder"/> (the command-line verbs). The schema is not created here.
    /// </summary>
    public static IServiceCollection AddPeerBotDb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DeletedContentScrubber>();
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "PeerBot:Database:Provider is Postgres but ConnectionStrings:PeerBot is not set.");
            services.AddDbContextPool<PeerBotDb, PostgresPeerBotDb>(o => o.UseNpgsql(connectionString), PoolSize);
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var csb = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? "Data Source=peerbot.db" : connectionString)
            {
                Pooling = true,
                DefaultTimeout = 30,
            };
            var pragmas = new SqlitePragmas(csb.ConnectionString); // one write gate and writer per database
            services.AddSingleton(_ => pragmas); // resolved at start-up (DatabaseInitializer), so disposed with the host
            services.AddHostedService(sp => new SqliteCheckpointer(pragmas, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddDbContextPool<PeerBotDb, SqlitePeerBotDb>(o => o.UseSqlite(csb.ConnectionString).AddInterceptors(pragmas), PoolSize);
        }
        else
        {
            throw new InvalidOperationException(
                "PeerBot:Database:Provider must be Sqlite or Postgres.");
        }

        return services;
    }
}
