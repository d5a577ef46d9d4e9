using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerBot.Data;

/// <summary>
/// Per-connection SQLite settings: with WAL, <c>synchronous=NORMAL</c> is durable against process crashes and
/// syncs at checkpoints instead of on every commit (the commit-per-turn cost dominated load tests);
/// <c>busy_timeout</c> lets concurrent writers wait for each other instead of failing; <c>secure_delete</c> zeroes
/// deleted rows and freed pages, so deleted client content (encrypted or not) does not linger in free space
/// (<see cref="DeletedContentScrubber"/> then clears it from the write-ahead log).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
