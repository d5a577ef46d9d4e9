namespace PeerBot.Data;

public sealed class DatabaseOptions
{
    public const string Section = "PeerBot:Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";
}
