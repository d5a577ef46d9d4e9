using System.Data;
using Microsoft.Data.Sqlite;

namespace PeerBot.Data;

/// <summary>
/// The one connection <see cref="DirectSave"/> writes on, kept open with its statements prepared, used only by the
/// holder of the database's <see cref="WriteGate"/> (so by one writer at a time, and never concurrently).
/// <para>
/// SQLite compiles every statement text into a program before running it, and Microsoft.Data.Sqlite finalizes a
/// command's programs when its connection closes — which a pooled context's connection does after every turn. Under
/// load the compiling (parser, name resolution, code generation) was about a third of SQLite's CPU. A turn's writes
/// are the same few statements over and over (one insert per table, an update per set of changed columns, a delete
/// per table), so here each is compiled once and then only bound and stepped.
/// </para>
/// Any failure closes the connection (and drops every prepared statement): the next write opens a fresh one.
/// </summary>
internal sealed class SqliteWriter(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>Distinct statements kept; more (unexpected) start the cache over.</summary>
    private const int MaxStatements = 512;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private bool _disposed;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is { State: ConnectionState.Open } current)
            return current;
        Close();
        var connection = await open(cancellationToken);
        _connection = connection;
        return connection;
    }

    /// <summary>The prepared command for this text, its parameters cleared, in this transaction.</summary>
    public SqliteCommand Statement(string sql, SqliteTransaction transaction)
    {
        var connection = _connection ?? throw new InvalidOperationException("The writer is not open.");
        if (!_statements.TryGetValue(sql, out var command))
        {
            if (_statements.Count >= MaxStatements)
                DisposeStatements();
            command = connection.CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>After a failure: the connection and its statements go; the next write starts afresh.</summary>
    public void Close()
    {
        DisposeStatements();
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        _disposed = true;
        Close();
    }

    private void DisposeStatements()
    {
        foreach (var command in _statements.Values)
            command.Dispose();
        _statements.Clear();
    }
}
