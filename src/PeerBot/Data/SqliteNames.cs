using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PeerBot.Data;

/// <summary>Table and column names from the EF model, quoted for the SQL that SQLite's hand-written paths run.</summary>
internal static class SqliteNames
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Table(IEntityType type) => Quote(type.GetTableName()!);

    public static string Column(IProperty property) => Quote(property.GetColumnName());

    public static string Column(IEntityType type, string property) => Column(type.FindProperty(property)!);
}
