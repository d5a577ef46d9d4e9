namespace PeerBot.Resources;

/// <summary>
/// Reads every HSDS file under a folder: tabular CSV files named after their table (3.0 names, and the 1.1
/// names <c>services_at_location</c>, <c>physical_addresses</c>, <c>regular_schedules</c>) and JSON files.
/// Other CSV files and the Frictionless <c>datapackage.json</c> are not data and are skipped.
/// </summary>
public static class HsdsFolderReader
{
    public static HsdsTables Read(string folder)
    {
        var tables = new HsdsTables();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var name = Path.GetFileNameWithoutExtension(path);
            var extension = Path.GetExtension(path);
            if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) &&
                HsdsTables.KnownTables.TryGetValue(name, out var table))
                HsdsCsvReader.ReadTable(path, display, table, tables);
            else if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) &&
                     !name.Equals("datapackage", StringComparison.OrdinalIgnoreCase))
                HsdsJsonReader.ReadFile(path, display, tables);
            else
                tables.SkippedFiles.Add(display);
        }
        return tables;
    }
}
