using Npgsql;

namespace PeerBot.Tests.Testing;

/// <summary>
/// A database of its own for one test app: a SQLite file in a temp folder, or a fresh PostgreSQL database on the
/// server named by <c>PEERBOT_TEST_POSTGRES</c> (started by .ci/services.sh). Without that server, PostgreSQL
/// cases are reported as skipped, never as passed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PEERBOT_TEST_POSTGRES";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Both providers, for <c>[MemberData]</c>.</summary>
    public static Xunit.TheoryData<string> Providers => new("Sqlite", "Postgres");

    public static TestDatabase Create(string provider, string folder)
    {
        if (provider == "Sqlite")
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "peerbot.db")}", null, null);

        var admin = System.Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            Xunit.Assert.Skip($"PostgreSQL not available: set {PostgresVariable} (.ci/run does).");
        var name = "peerbot_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
