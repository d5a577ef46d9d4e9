using System.Collections.Concurrent;

namespace PeerBot.Data;

/// <summary>
/// An EF compiled query per database provider. A compiled query keeps the executor of the first context it ran
/// with, so one shared between SQLite and PostgreSQL would run SQLite's SQL on PostgreSQL (tests use both in one
/// process); this compiles once per concrete context type.
/// </summary>
internal sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : class
{
    private readonly ConcurrentDictionary<Type, TDelegate> _byContext = new();

    public TDelegate For(PeerBotDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byContext.GetOrAdd(db.GetType(), static (_, c) => c(), compile);
    }
}
