namespace PeerBot.Resources;

/// <summary>HSDS records read from a folder, by table and id, plus the issues found while reading.</summary>
public sealed class HsdsTables
{
    /// <summary>The tables PeerBot uses, with HSDS 1.1 names mapped onto 3.0 ones.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownTables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["organizations"] = "organizations",
        ["services"] = "services",
        ["programs"] = "programs",
        ["locations"] = "locations",
        ["addresses"] = "addresses",
        ["physical_addresses"] = "addresses",        // HSDS 1.1
        ["service_at_location"] = "service_at_location",
        ["services_at_location"] = "service_at_location",   // HSDS 1.1
        ["phones"] = "phones",
        ["schedules"] = "schedules",
        ["regular_schedules"] = "schedules",         // HSDS 1.1
        ["attributes"] = "attributes",
        ["taxonomy_terms"] = "taxonomy_terms",
    };

    private readonly Dictionary<string, Dictionary<string, HsdsRow>> _tables = new(StringComparer.OrdinalIgnoreCase);

    public List<ImportIssue> Issues { get; } = [];

    public List<string> SkippedFiles { get; } = [];

    public IReadOnlyCollection<HsdsRow> Rows(string table) =>
        _tables.TryGetValue(table, out var rows) ? rows.Values : [];

    public HsdsRow? Find(string table, string? id) =>
        id is not null && _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

    /// <summary>Adds a row, or merges it into the row with the same id. A row without an id is an issue.</summary>
    public void Add(HsdsRow row)
    {
        if (row.Id is not { } id)
        {
            Issues.Add(row.Issue("id", "id is required"));
            return;
        }
        if (!_tables.TryGetValue(row.Table, out var rows))
            _tables[row.Table] = rows = new Dictionary<string, HsdsRow>(StringComparer.OrdinalIgnoreCase);
        if (rows.TryGetValue(id, out var existing))
            existing.MergeFrom(row);
        else
            rows[id] = row;
    }
}
