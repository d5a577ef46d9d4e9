using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PeerBot.Data;

/// <summary>SQLite, the embedded default.</summary>
public sealed class SqlitePeerBotDb(DbContextOptions<SqlitePeerBotDb> options) : PeerBotDb(options)
{
    private SemaphoreSlim? _gate;
    private bool _gateLooked;

    /// <summary>
    /// Saves through the database's write gate (<see cref="SqlitePragmas.WriteGate"/>). Inside an explicit
    /// transaction the gate is not taken again: that transaction already owns SQLite's write lock.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        ChangeTracker.HasChanges()
            ? WriteAsync(ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var gate = Gate;
        if (gate is null || Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return base.SaveChanges(acceptAllChangesOnSuccess);
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var gate = Gate;
        if (gate is null || Database.CurrentTransaction is not null)
            return await write(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim? Gate
    {
        get
        {
            if (!_gateLooked)
            {
                _gate = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                    .OfType<SqlitePragmas>().FirstOrDefault()?.WriteGate;
                _gateLooked = true;
            }
            return _gate;
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
