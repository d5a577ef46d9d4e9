using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PeerBot.Channels;
using PeerBot.Data;
using static PeerBot.Data.SqliteNames;
using PeerBot.Handoff;
using PeerBot.Scheduling;
using PeerBot.Summaries;

namespace PeerBot.Conversations;

/// <summary>
/// SQLite: the turn's first query (<see cref="ConversationStore"/>'s conversation with its <see cref="TurnFacts"/>)
/// written out by hand and run on a pooled reader session whose statement stays prepared
/// (<see cref="SqliteSession"/>). The same SQL as EF Core's compiled query, without EF's query pipeline (about 5 % of
/// the server's CPU under load) and without SQLite compiling the statement again on every turn. The row is attached
/// to the turn's context unchanged, as EF's tracking query would leave it.
/// <para>
/// Table and column names come from the model. The row is read by a list of <see cref="ConversationRecord"/>'s
/// properties written here: if the entity gains, loses or retypes a property, <see cref="For"/> answers null and the
/// EF query runs instead (a test fails, so the list is brought up to date).
/// </para>
/// </summary>
internal sealed class SqliteConversationRead
{
    private static readonly ConditionalWeakTable<IModel, SqliteConversationRead?> Plans = [];

    /// <summary><see cref="ConversationRecord"/>'s properties, in the order the statement selects them.</summary>
    private static readonly (string Name, Type Stored)[] RecordColumns =
    [
        (nameof(ConversationRecord.Key), typeof(string)),
        (nameof(ConversationRecord.ChannelHash), typeof(string)),
        (nameof(ConversationRecord.ChannelId), typeof(string)),
        (nameof(ConversationRecord.Mode), typeof(int)),
        (nameof(ConversationRecord.Locale), typeof(string)),
        (nameof(ConversationRecord.ReferenceJson), typeof(string)),
        (nameof(ConversationRecord.ServiceUrlVerified), typeof(bool)),
        (nameof(ConversationRecord.DialogStateJson), typeof(string)),
        (nameof(ConversationRecord.SafetyStateJson), typeof(string)),
        (nameof(ConversationRecord.CreatedAt), typeof(long)),
        (nameof(ConversationRecord.LastActivityAt), typeof(long)),
        (nameof(ConversationRecord.ContextBuffer), typeof(string)),
        (nameof(ConversationRecord.RecentDeliveries), typeof(string)),
        (nameof(ConversationRecord.Version), typeof(int)),
    ];

    private readonly ValueConverter _time;

    private SqliteConversationRead(string sql, ValueConverter time)
    {
        Sql = sql;
        _time = time;
    }

    public string Sql { get; }

    /// <summary>The read for this model; null when the model no longer matches what is written here.</summary>
    public static SqliteConversationRead? For(IModel model) => Plans.GetValue(model, Build);

    public async Task<ConversationWithFacts?> ReadAsync(SqliteReaderPool readers, string channelHash, CancellationToken cancellationToken)
    {
        var rows = await readers.QueryAsync(Sql,
            p => p.Add(new SqliteParameter("@hash", SqliteType.Text) { Value = channelHash }),
            Materialize, cancellationToken);
        if (rows.Count > 1)
            throw new InvalidOperationException("Sequence contains more than one element."); // as SingleOrDefault
        return rows.Count == 0 ? null : rows[0];
    }

    private ConversationWithFacts Materialize(SqliteDataReader reader)
    {
        var record = new ConversationRecord
        {
            Key = reader.GetString(0),
            ChannelHash = reader.GetString(1),
            ChannelId = reader.GetString(2),
            Mode = (ConversationMode)reader.GetInt32(3),
            Locale = reader.GetString(4),
            ReferenceJson = reader.IsDBNull(5) ? null : reader.GetString(5),
            ServiceUrlVerified = reader.GetBoolean(6),
            DialogStateJson = reader.IsDBNull(7) ? null : reader.GetString(7),
            SafetyStateJson = reader.IsDBNull(8) ? null : reader.GetString(8),
            CreatedAt = Time(reader.GetInt64(9)),
            LastActivityAt = Time(reader.GetInt64(10)),
            ContextBuffer = reader.IsDBNull(11) ? null : reader.GetString(11),
            RecentDeliveries = reader.IsDBNull(12) ? null : reader.GetString(12),
            Version = reader.GetInt32(13),
        };
        var facts = new TurnFacts(record.Key, reader.GetBoolean(14), reader.GetBoolean(15), reader.GetBoolean(16),
            reader.GetBoolean(17), reader.GetBoolean(18));
        return new ConversationWithFacts(record, facts);
    }

    private DateTimeOffset Time(long stored) => (DateTimeOffset)_time.ConvertFromProvider(stored)!;

    private static SqliteConversationRead? Build(IModel model)
    {
        var conversations = model.FindEntityType(typeof(ConversationRecord));
        if (conversations is null
            || conversations.GetProperties().Count() != RecordColumns.Length
            || conversations.FindProperty(nameof(ConversationRecord.CreatedAt))?.GetTypeMapping().Converter is not { } time
            || time.ProviderClrType != typeof(long))
            return null;
        var columns = new List<string>();
        foreach (var (name, stored) in RecordColumns)
        {
            if (conversations.FindProperty(name) is not { } property
                || (property.GetTypeMapping().Converter?.ProviderClrType ?? Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) is var type
                && type != stored && !(type.IsEnum && Enum.GetUnderlyingType(type) == stored))
                return null;
            columns.Add("c." + Column(property));
        }
        var key = "c." + Column(conversations.FindProperty(nameof(ConversationRecord.Key))!);
        if (Exists<ChannelState>(model, "s") is not { } channelState
            || Exists<ClientSchedule>(model, "d") is not { } schedule
            || Exists<ConsentEntry>(model, "e") is not { } consent
            || Exists<PrivacyPrompt>(model, "p") is not { } privacy
            || Exists<HandoffRequest>(model, "h", nameof(HandoffRequest.FeedbackPending)) is not { } feedback)
            return null;
        var sql =
            $"SELECT {string.Join(", ", columns)}, {channelState}, {schedule}, {consent}, {privacy}, {feedback} " +
            $"FROM {Table(conversations)} AS c WHERE c.{Column(conversations, nameof(ConversationRecord.ChannelHash))} = @hash LIMIT 2";
        return new SqliteConversationRead(sql, time);

        string? Exists<T>(IModel m, string alias, string? flag = null)
        {
            if (m.FindEntityType(typeof(T)) is not { } type || type.FindProperty("ConversationKey") is null)
                return null;
            var condition = flag is null ? string.Empty : $" AND {alias}.{Column(type, flag)}";
            return $"EXISTS (SELECT 1 FROM {Table(type)} AS {alias} WHERE {alias}.{Column(type, "ConversationKey")} = {key}{condition})";
        }
    }
}
