using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PeerBot.Data;

/// <summary>SQLite, the embedded default.</summary>
public sealed class SqlitePeerBotDb(DbContextOptions<SqlitePeerBotDb> options) : PeerBotDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite can only test DateTimeOffset for equality; store a sortable number so queries can order and
        // filter by time on the server (STYLE.md convention 11).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<TimeSpanToTicksConverter>();
    }

    // Saves queue in the process for SQLite's single write lock (SqliteWriteGate). Not inside an explicit
    // transaction: its owner may already hold the write lock, and waiting here could then deadlock.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return base.SaveChanges(acceptAllChangesOnSuccess);
        var gate = SqliteWriteGate.For(Database.GetConnectionString());
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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
