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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PeerBotDb).Assembly);
    }
}
