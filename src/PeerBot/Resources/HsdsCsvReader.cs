using System.Text;

namespace PeerBot.Resources;

/// <summary>
/// Reads HSDS tabular CSV files (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into
/// <see cref="HsdsTables"/>. Each row remembers the line it starts on, for error messages.
/// </summary>
public static class HsdsCsvReader
{
    public static void ReadTable(string path, string displayPath, string table, HsdsTables tables)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = Parse(reader, displayPath, tables.Issues);
        if (records.Count == 0)
        {
            tables.Issues.Add(new ImportIssue(displayPath, null, table, "the file has no header row"));
            return;
        }

        var header = records[0].Fields;
        if (!header.Contains("id", StringComparer.OrdinalIgnoreCase))
        {
            tables.Issues.Add(new ImportIssue(displayPath, records[0].Line, $"{table}.id", "the header has no id column"));
            return;
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;   // blank line
            if (fields.Count != header.Count)
            {
                tables.Issues.Add(new ImportIssue(displayPath, line, table,
                    $"expected {header.Count} fields as in the header, found {fields.Count}"));
                continue;
            }
            var row = new HsdsRow(table, displayPath, line, table);
            for (var i = 0; i < header.Count; i++)
                row[header[i]] = fields[i];
            tables.Add(row);
        }
    }

    /// <summary>Splits CSV text into records with the line number each starts on.</summary>
    public static List<(int Line, List<string> Fields)> Parse(TextReader reader, string displayPath, List<ImportIssue> issues)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }
                continue;
            }

            switch (ch)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add((recordLine, fields));
                    fields = [];
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            issues.Add(new ImportIssue(displayPath, recordLine, "csv", "a quoted field is not closed before the end of the file"));
            return records;
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}
