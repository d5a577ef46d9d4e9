using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>
/// The one database. Each feature keeps its entities and their <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in its own folder and reaches them with <c>db.Set&lt;T&gt;()</c>; this class only gathers the configurations.
/// Provider differences live in <see cref="SqlitePeerBotDb"/> and <see cref="PostgresPeerBotDb"/>.
/// </summary>
public abstract class PeerBotDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection key ring (encrypts handoff transcripts, summaries, console tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// What the running turn learnt about its conversation when it loaded it (<see cref="Conversations.TurnFacts"/>);
    /// set by the turn pipeline and cleared when the turn ends (contexts are pooled).
    /// </summary>
    public Conversations.TurnFacts? Facts { get; set; }

    /// <summary>
    /// True while this context commits a crisis (the handoff, the crisis reply): on SQLite its writes go before
    /// routine writes waiting for the database (<see cref="WriteGate"/>). Set and cleared around that commit only.
    /// </summary>
    public bool UrgentWrites { get; set; }

    /// <summary>
    /// Raised after each successful save, once the database's writer is free again (on SQLite, after the write gate;
    /// EF's SavedChanges is raised inside it). What a commit announces (console events) goes out from here, so
    /// it never holds up the next writer.
    /// </summary>
    public event EventHandler? Committed;

    public sealed override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var saved = await SaveCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
        Committed?.Invoke(this, EventArgs.Empty);
        return saved;
    }

    public sealed override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var saved = SaveCore(acceptAllChangesOnSuccess);
        Committed?.Invoke(this, EventArgs.Empty);
        return saved;
    }

    /// <summary>The provider's save (SQLite queues it at its write gate).</summary>
    protected virtual Task<int> SaveCoreAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        SaveToDatabaseAsync(acceptAllChangesOnSuccess, cancellationToken);

    protected virtual int SaveCore(bool acceptAllChangesOnSuccess) => SaveToDatabase(acceptAllChangesOnSuccess);

    /// <summary>EF Core's own save.</summary>
    protected Task<int> SaveToDatabaseAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    protected int SaveToDatabase(bool acceptAllChangesOnSuccess) => base.SaveChanges(acceptAllChangesOnSuccess);

    /// <summary>
    /// The first tracked <typeparamref name="T"/> (added, unchanged or modified) that matches, or null. Unlike
    /// <c>Set&lt;T&gt;().Local</c> this runs no change detection over every tracked entity: the turn's lookups ask for
    /// rows by key columns that are set when a row is added or loaded, so detection cannot change their answer, and
    /// on the routine turn <c>Local</c>'s detection was about 4 % of the server's CPU under load.
    /// </summary>
    public T? FindTracked<T>(Func<T, bool> predicate) where T : class
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var tracker = ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<T>())
            {
                if (entry.State is not (EntityState.Deleted or EntityState.Detached) && predicate(entry.Entity))
                    return entry.Entity;
            }
            return null;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Whether a tracked <typeparamref name="T"/> matches (see <see cref="FindTracked{T}"/>).</summary>
    public bool AnyTracked<T>(Func<T, bool> predicate) where T : class => FindTracked(predicate) is not null;

    /// <summary>
    /// Runs a write that bypasses <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> (<c>ExecuteDelete</c>,
    /// <c>ExecuteUpdate</c>) so that on SQLite it queues with the other writers of this process instead of sleeping
    /// in SQLite's busy handler. PostgreSQL has row locks and needs nothing.
    /// </summary>
    public virtual Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PeerBotDb).Assembly);
    }
}
