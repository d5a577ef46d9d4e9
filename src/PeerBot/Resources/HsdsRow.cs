namespace PeerBot.Resources;

/// <summary>
/// One HSDS record as flat fields (the tabular shape), whether it came from a CSV row or a nested JSON object.
/// The same id seen twice (a service in a list and in its full form) is merged: non-empty fields win.
/// </summary>
public sealed class HsdsRow(string table, string file, int? line, string path)
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string Table { get; } = table;
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string Path { get; } = path;

    public string? this[string field]
    {
        get => _fields.TryGetValue(field, out var value) ? value : null;
        set
        {
            if (!string.IsNullOrWhiteSpace(value))
                _fields[field] = value.Trim();
        }
    }

    public string? Id => this["id"];

    public void MergeFrom(HsdsRow other)
    {
        foreach (var (field, value) in other._fields)
            _fields[field] = value;
    }

    public ImportIssue Issue(string field, string message) =>
        new(File, Line, Line is null ? $"{Path}.{field}" : $"{Table}.{field}", message);
}
