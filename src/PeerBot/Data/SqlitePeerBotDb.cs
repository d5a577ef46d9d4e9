using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PeerBot.Data;

/// <summary>SQLite, the embedded default.</summary>
public sealed class SqlitePeerBotDb(DbContextOptions<SqlitePeerBotDb> options) : PeerBotDb(options)
{
    private SqlitePragmas? _pragmas;
    private bool _pragmasLooked;

    /// <summary>
    /// Plain rows (a routine turn's) are written by <see cref="DirectSave"/> through the database's group commit
    /// (<see cref="SqlitePragmas.Commits"/>: one commit for every write waiting, on the writer connection whose
    /// statements stay prepared). Anything else is EF Core's own save, through the database's write gate
    /// (<see cref="SqlitePragmas.WriteGate"/>); inside an explicit transaction the gate is not taken again (that
    /// transaction already owns SQLite's write lock). Changes are detected once, before either
    /// (<see cref="ChangeTracker.HasChanges"/> does it), not again inside.
    /// </summary>
    protected override async Task<int> SaveCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!ChangeTracker.HasChanges())
            return await SaveToDatabaseAsync(acceptAllChangesOnSuccess, cancellationToken);
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return Pragmas is { } pragmas && DirectSave.TryPlan(this) is { } plan
                ? await DirectSave.SaveAsync(this, pragmas.Commits, plan, acceptAllChangesOnSuccess, UrgentWrites, cancellationToken)
                : await WriteAsync(ct => SaveToDatabaseAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    protected override int SaveCore(bool acceptAllChangesOnSuccess)
    {
        var gate = Gate;
        if (gate is null || Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return SaveToDatabase(acceptAllChangesOnSuccess);
        gate.EnterAsync(UrgentWrites, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            return SaveToDatabase(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Exit();
        }
    }

    public override async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var gate = Gate;
        if (gate is null || Database.CurrentTransaction is not null)
            return await write(cancellationToken);
        await gate.EnterAsync(UrgentWrites, cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private WriteGate? Gate => Pragmas?.WriteGate;

    /// <summary>This database's gate and writer (the interceptor registered with its options).</summary>
    internal SqlitePragmas? Pragmas
    {
        get
        {
            if (!_pragmasLooked)
            {
                _pragmas = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                    .OfType<SqlitePragmas>().FirstOrDefault();
                _pragmasLooked = true;
            }
            return _pragmas;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite can only test DateTimeOffset for equality; store a sortable number so queries can order and
        // filter by time on the server (STYLE.md convention 11).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<TimeSpanToTicksConverter>();
    }
}
