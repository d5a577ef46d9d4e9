using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>One statement of a write: its SQL, its bound values, and what it must do.</summary>
internal sealed record SqliteStep(string Sql, SqliteParameter[] Parameters, SqliteStepCheck Check, string What = "");

internal enum SqliteStepCheck
{
    /// <summary>Any number of rows.</summary>
    None,

    /// <summary>Exactly one row (an update or delete by key and concurrency token), else a concurrency failure.</summary>
    OneRow,

    /// <summary>An insert that returns its generated key.</summary>
    ReturnsKey,
}

/// <summary>
/// Group commit for SQLite's one writer. Writes queue here and one thread of its own runs them on the database's
/// writer connection: as many as are waiting (up to <see cref="MaxBatch"/>, urgent ones first) back to back in one
/// transaction, then one commit for all of them; each caller's task ends when the commit that holds its write is
/// done. If a write's statements fail (a concurrency check, a constraint), the batch is rolled back and run again with
/// each write in a savepoint of its own, so that the failing write fails alone and the others commit. If the commit
/// fails, or a failure ends the whole transaction, every write of that batch fails (none is reported committed that
/// was not).
/// <para>
/// Why: a routine turn's commit wrote about 13 pages to the log (53 KB), several of them (the tables' and indexes'
/// last pages, the sequence table, the header page) the same pages the next turn's commit wrote again, and every
/// write handed SQLite's lock (the <see cref="WriteGate"/>) to the next through the thread pool. Batched, those pages
/// are written once per commit (disk writes per turn under load: 62.5 KB before, 33 KB after) and the writes of a
/// batch run back to back on one thread (load RESULTS.md, stop 14).
/// </para>
/// The thread takes the <see cref="WriteGate"/> for each batch, so the writes that do not come through here (EF
/// Core's own saves, the checkpointer's restart pass) stay serialized with it; a batch holding an urgent write (a
/// crisis) takes it as an urgent write.
/// </summary>
internal sealed class SqliteCommitQueue(WriteGate gate, SqliteSession writer) : IDisposable
{
    /// <summary>Writes per commit at most: bounds how long the first write of a batch waits for the last.</summary>
    public const int MaxBatch = 64;

    private readonly Lock _lock = new();
    private readonly Queue<Request> _urgent = new();
    private readonly Queue<Request> _routine = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private Thread? _thread;
    private bool _disposed;

    /// <summary>Writes queued and not yet taken into a batch (for the tests and diagnostics).</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
                return _urgent.Count + _routine.Count;
        }
    }

    /// <summary>
    /// Runs the steps in one atomic write, committed with whatever else is waiting; returns each step's generated key
    /// (null for the others). Cancelling takes effect only while the write is still queued: once its statements have
    /// run, the caller waits for the commit's outcome.
    /// </summary>
    public Task<object?[]> CommitAsync(IReadOnlyList<SqliteStep> steps, bool urgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var request = new Request(steps);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            (urgent ? _urgent : _routine).Enqueue(request);
            _thread ??= Start();
        }
        _wake.Release();
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static state => ((Request)state!).TryCancel(), request);
            request.Done.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return request.Done.Task;
    }

    private Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "PeerBot SQLite writer" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        var batch = new List<Request>(MaxBatch);
        while (true)
        {
            _wake.Wait();
            while (true)
            {
                bool urgent;
                lock (_lock)
                {
                    if (_urgent.Count == 0 && _routine.Count == 0)
                    {
                        if (_disposed)
                            return;
                        break;
                    }
                    urgent = _urgent.Count > 0;
                }
                gate.EnterAsync(urgent, CancellationToken.None).GetAwaiter().GetResult();
                try
                {
                    RunBatch(batch);
                }
                finally
                {
                    gate.Exit();
                }
                foreach (var request in batch)
                    request.Finish();
                batch.Clear();
            }
        }
    }

    /// <summary>Takes the next waiting write (urgent first) that was not cancelled, or null.</summary>
    private Request? Next()
    {
        lock (_lock)
        {
            while (_urgent.TryDequeue(out var next) || _routine.TryDequeue(out next))
            {
                if (next.TryTake())
                    return next;
            }
            return null;
        }
    }

    private void RunBatch(List<Request> batch)
    {
        SqliteTransaction? transaction = null;
        try
        {
            var connection = writer.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
            // First the writes back to back (writes that arrive meanwhile join, up to the bound): a failing one is rare.
            var failed = false;
            while (!failed && batch.Count < MaxBatch && Next() is { } request)
            {
                batch.Add(request);
                transaction ??= connection.BeginTransaction();
                try
                {
                    request.Keys = Execute(request.Steps, transaction);
                }
                catch (Exception)
                {
                    failed = true;
                }
            }
            if (failed)
            {
                // One failed: undo the batch and run its writes again, each in a savepoint of its own, so that only
                // the failing one fails.
                if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
                    transaction!.Rollback();
                transaction!.Dispose();
                transaction = connection.BeginTransaction();
                foreach (var request in batch)
                    RunInSavepoint(request, connection, transaction);
            }
            transaction?.Commit();
        }
        catch (Exception ex)
        {
            var cause = ex is TransactionEnded ended ? ended.InnerException! : ex;
            foreach (var request in batch)
                request.Failure ??= Wrap(cause);
            try
            {
                transaction?.Dispose(); // rolls back what SQLite has not already
            }
            catch (SqliteException)
            {
                // nothing left to roll back
            }
            transaction = null;
            writer.Close(); // a fresh connection and fresh statements for the next batch
        }
        finally
        {
            transaction?.Dispose();
        }
    }

    private void RunInSavepoint(Request request, SqliteConnection connection, SqliteTransaction transaction)
    {
        writer.Statement("SAVEPOINT w", transaction).ExecuteNonQuery();
        try
        {
            request.Keys = Execute(request.Steps, transaction);
            writer.Statement("RELEASE w", transaction).ExecuteNonQuery();
        }
        catch (Exception ex)
        {
            request.Keys = null;
            request.Failure = Wrap(ex);
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
                throw new TransactionEnded(ex); // SQLite rolled the whole transaction back: the batch is lost
            writer.Statement("ROLLBACK TO w", transaction).ExecuteNonQuery();
            writer.Statement("RELEASE w", transaction).ExecuteNonQuery();
        }
    }

    /// <summary>Runs the steps in order on the writer's prepared statements; returns each step's generated key, or null.</summary>
    private object?[] Execute(IReadOnlyList<SqliteStep> steps, SqliteTransaction transaction)
    {
        var keys = new object?[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var statement = writer.Statement(step.Sql, transaction);
            try
            {
                statement.Parameters.AddRange(step.Parameters);
                switch (step.Check)
                {
                    case SqliteStepCheck.ReturnsKey:
                        keys[i] = statement.ExecuteScalar()
                            ?? throw new InvalidOperationException($"No key was returned for the new {step.What} row.");
                        break;
                    case SqliteStepCheck.OneRow when statement.ExecuteNonQuery() != 1:
                        throw new DbUpdateConcurrencyException(
                            $"The database operation was expected to affect 1 row, but affected none: the {step.What} row was changed or deleted since it was loaded.");
                    case SqliteStepCheck.OneRow:
                        break;
                    default:
                        statement.ExecuteNonQuery();
                        break;
                }
            }
            finally
            {
                statement.Parameters.Clear(); // the caller's parameter objects are not kept
            }
        }
        return keys;
    }

    /// <summary>As EF reports them: database errors as <see cref="DbUpdateException"/>, the rest as they are.</summary>
    private static Exception Wrap(Exception ex) =>
        ex is DbException ? new DbUpdateException("An error occurred while saving the entity changes.", ex) : ex;

    /// <summary>Stops the thread once the writes already queued have run; later calls throw.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            thread = _thread;
        }
        _wake.Release();
        thread?.Join();
        _wake.Dispose();
    }

    private sealed class TransactionEnded(Exception inner) : Exception(inner.Message, inner);

    private sealed class Request(IReadOnlyList<SqliteStep> steps)
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private int _state;

        public IReadOnlyList<SqliteStep> Steps { get; } = steps;
        public TaskCompletionSource<object?[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public object?[]? Keys { get; set; }
        public Exception? Failure { get; set; }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public void TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
                Done.TrySetCanceled();
        }

        public void Finish()
        {
            if (Failure is not null)
                Done.TrySetException(Failure);
            else
                Done.TrySetResult(Keys!);
        }
    }
}
