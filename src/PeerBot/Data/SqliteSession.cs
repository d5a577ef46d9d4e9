using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace PeerBot.Data;

/// <summary>
/// A SQLite connection kept open with its statements prepared, used by one caller at a time: the database's writer
/// (<see cref="SqlitePragmas.Writer"/>, used by the group commit's thread while it holds the <see cref="WriteGate"/>)
/// or a pooled reader (<see cref="SqlitePragmas.Readers"/>).
/// <para>
/// SQLite compiles every statement text into a program before running it, and Microsoft.Data.Sqlite finalizes a
/// command's programs when its connection closes — which a pooled context's connection does after every turn. Under
/// load the compiling (parser, name resolution, code generation) was about a third of SQLite's CPU. A turn runs the
/// same few statements over and over, so here each is compiled once per connection and then only bound and stepped.
/// </para>
/// Any failure should end in <see cref="Close"/>: the connection and every prepared statement go, and the next use
/// opens a fresh connection.
/// </summary>
internal sealed class SqliteSession(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
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
        _connection = await open(cancellationToken);
        return _connection;
    }

    /// <summary>The prepared command for this text, its parameters cleared, in this transaction (or none).</summary>
    public SqliteCommand Statement(string sql, SqliteTransaction? transaction = null)
    {
        var connection = _connection ?? throw new InvalidOperationException("The session is not open.");
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

    /// <summary>After a failure: the connection and its statements go; the next use starts afresh.</summary>
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

/// <summary>Reader sessions of one database, lent to one caller at a time; a few are kept between uses.</summary>
internal sealed class SqliteReaderPool(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>Idle readers kept open (more are opened under a burst and closed when returned).</summary>
    private const int Kept = 16;

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    private SqliteSession Rent()
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }
        return new SqliteSession(open);
    }

    /// <summary>Runs a query on a rented reader (its statement stays prepared) and reads every row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken)
    {
        var session = Rent();
        var failed = true;
        try
        {
            await session.OpenAsync(cancellationToken);
            var command = session.Statement(sql);
            bind(command.Parameters);
            var rows = new List<T>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add(read(reader));
            }
            failed = false;
            return rows;
        }
        finally
        {
            Return(session, failed);
        }
    }

    /// <summary>Back to the pool; <paramref name="failed"/>: closed first (a fresh connection next time).</summary>
    private void Return(SqliteSession session, bool failed)
    {
        if (failed)
            session.Close();
        if (_disposed)
        {
            session.Dispose();
            return;
        }
        if (Interlocked.Increment(ref _idleCount) > Kept)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }
        _idle.Add(session);
        if (_disposed && _idle.TryTake(out var late)) // disposed meanwhile: do not keep it open
            late.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
            session.Dispose();
    }
}
