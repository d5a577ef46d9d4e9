using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>
/// The one database. Each feature keeps its entities and their <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in its own folder and reaches them with <c>db.Set&lt;T&gt;()</c>; this class only gathers the configurations.
/// Provider differences live in <see cref="SqlitePeerBotDb"/> and <see cref="PostgresPeerBotDb"/>.
/// </summary>
public abstract class PeerBotDb(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PeerBotDb).Assembly);
}
