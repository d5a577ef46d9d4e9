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
}
