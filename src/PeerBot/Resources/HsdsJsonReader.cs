using System.Globalization;
using System.Text.Json;

namespace PeerBot.Resources;

/// <summary>
/// Reads HSDS 3.0 JSON: the API's full objects (service, organization, service_at_location, location,
/// taxonomy_term), paged lists (<c>contents</c>), and the tabular form (<c>{"services.csv": [...]}</c>).
/// Nested objects become flat rows whose foreign keys come from their parent. JSON Schema and OpenAPI files are
/// skipped.
/// </summary>
public static class HsdsJsonReader
{
    public static void ReadFile(string path, string displayPath, HsdsTables tables)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            tables.Issues.Add(new ImportIssue(displayPath, (int?)ex.LineNumber + 1, ex.Path ?? "$", "the file is not valid JSON"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                ReadItems(root, "$", displayPath, tables);
            }
            else if (root.ValueKind != JsonValueKind.Object || IsSchema(root))
            {
                tables.SkippedFiles.Add(displayPath);
            }
            else if (root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
            {
                ReadItems(contents, "$.contents", displayPath, tables);
            }
            else if (root.EnumerateObject().Any(p => p.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                ReadTabular(root, displayPath, tables);
            }
            else if (!new Walker(displayPath, tables).Any(root, "$"))
            {
                tables.SkippedFiles.Add(displayPath);
            }
        }
    }

    private static bool IsSchema(JsonElement root) =>
        root.TryGetProperty("$schema", out _) || root.TryGetProperty("$id", out _) ||
        root.TryGetProperty("openapi", out _) || root.TryGetProperty("properties", out _) ||
        root.TryGetProperty("openapi_url", out _);

    private static void ReadItems(JsonElement array, string path, string file, HsdsTables tables)
    {
        var walker = new Walker(file, tables);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object || !walker.Any(item, itemPath))
                tables.Issues.Add(new ImportIssue(file, null, itemPath, "not an HSDS service, organization, location or service_at_location"));
        }
    }

    private static void ReadTabular(JsonElement root, string file, HsdsTables tables)
    {
        foreach (var property in root.EnumerateObject())
        {
            var name = Path.GetFileNameWithoutExtension(property.Name);
            if (!HsdsTables.KnownTables.TryGetValue(name, out var table) || property.Value.ValueKind != JsonValueKind.Array)
                continue;
            var i = 0;
            foreach (var item in property.Value.EnumerateArray())
                tables.Add(Flat(item, table, file, $"$['{property.Name}'][{i++}]"));
        }
    }

    internal static HsdsRow Flat(JsonElement element, string table, string file, string path)
    {
        var row = new HsdsRow(table, file, null, path);
        if (element.ValueKind != JsonValueKind.Object)
            return row;
        foreach (var property in element.EnumerateObject())
        {
            row[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }
        return row;
    }

    /// <summary>Walks nested HSDS objects, emitting one flat row per object.</summary>
    private sealed class Walker(string file, HsdsTables tables)
    {
        public bool Any(JsonElement obj, string path)
        {
            if (Has(obj, "service", JsonValueKind.Object) && Has(obj, "location", JsonValueKind.Object))
                ServiceAtLocation(obj, path, null);
            else if (Has(obj, "status") || Has(obj, "service_at_locations") || Has(obj, "organization", JsonValueKind.Object))
                Service(obj, path, null);
            else if (Has(obj, "website") || Has(obj, "tax_status") || Has(obj, "legal_status") || Has(obj, "services") ||
                     Has(obj, "organization_identifiers"))
                Organization(obj, path);
            else if (Has(obj, "location_type") || Has(obj, "addresses"))
                Location(obj, path, null);
            else if (Has(obj, "taxonomy_detail") || (Has(obj, "code") && Has(obj, "term_uri")))
                tables.Add(Flat(obj, "taxonomy_terms", file, path));
            else if (Has(obj, "version") && Has(obj, "uri") && Has(obj, "name"))
                return true;   // a taxonomy's own record: its terms carry what the mapping needs
            else
                return false;
            return true;
        }

        private string? Service(JsonElement obj, string path, string? organizationId)
        {
            var row = Flat(obj, "services", file, path);
            row["organization_id"] = row["organization_id"] ?? organizationId;
            if (obj.TryGetProperty("organization", out var organization) && organization.ValueKind == JsonValueKind.Object)
                row["organization_id"] = row["organization_id"] ?? Organization(organization, $"{path}.organization");
            if (obj.TryGetProperty("program", out var program) && program.ValueKind == JsonValueKind.Object)
            {
                var programRow = Flat(program, "programs", file, $"{path}.program");
                tables.Add(programRow);
                row["program_id"] = row["program_id"] ?? programRow.Id;
            }
            tables.Add(row);
            var id = row.Id;
            Each(obj, "phones", path, (p, pp) => Child(p, "phones", pp, "service_id", id));
            Each(obj, "schedules", path, (s, sp) => Child(s, "schedules", sp, "service_id", id));
            Each(obj, "service_at_locations", path, (s, sp) => ServiceAtLocation(s, sp, id));
            Each(obj, "attributes", path, (a, ap) => Attribute(a, ap, id));
            return id;
        }

        private string? Organization(JsonElement obj, string path)
        {
            var row = Flat(obj, "organizations", file, path);
            tables.Add(row);
            var id = row.Id;
            Each(obj, "phones", path, (p, pp) => Child(p, "phones", pp, "organization_id", id));
            Each(obj, "programs", path, (p, pp) => Child(p, "programs", pp, "organization_id", id));
            Each(obj, "locations", path, (l, lp) => Location(l, lp, id));
            Each(obj, "services", path, (s, sp) => Service(s, sp, id));
            return id;
        }

        private void ServiceAtLocation(JsonElement obj, string path, string? serviceId)
        {
            var row = Flat(obj, "service_at_location", file, path);
            row["service_id"] = row["service_id"] ?? serviceId;
            if (obj.TryGetProperty("service", out var service) && service.ValueKind == JsonValueKind.Object)
                row["service_id"] = row["service_id"] ?? Service(service, $"{path}.service", null);
            if (obj.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
                row["location_id"] = row["location_id"] ?? Location(location, $"{path}.location", null);
            tables.Add(row);
            var id = row.Id;
            Each(obj, "phones", path, (p, pp) => Child(p, "phones", pp, "service_at_location_id", id));
            Each(obj, "schedules", path, (s, sp) => Child(s, "schedules", sp, "service_at_location_id", id));
        }

        private string? Location(JsonElement obj, string path, string? organizationId)
        {
            var row = Flat(obj, "locations", file, path);
            row["organization_id"] = row["organization_id"] ?? organizationId;
            tables.Add(row);
            var id = row.Id;
            Each(obj, "addresses", path, (a, ap) => Child(a, "addresses", ap, "location_id", id));
            Each(obj, "phones", path, (p, pp) => Child(p, "phones", pp, "location_id", id));
            return id;
        }

        private void Attribute(JsonElement obj, string path, string? serviceId)
        {
            var row = Flat(obj, "attributes", file, path);
            row["link_id"] = row["link_id"] ?? serviceId;
            if (obj.TryGetProperty("taxonomy_term", out var term) && term.ValueKind == JsonValueKind.Object)
            {
                var termRow = Flat(term, "taxonomy_terms", file, $"{path}.taxonomy_term");
                tables.Add(termRow);
                row["taxonomy_term_id"] = row["taxonomy_term_id"] ?? termRow.Id;
            }
            tables.Add(row);
        }

        private void Child(JsonElement obj, string table, string path, string parentField, string? parentId)
        {
            var row = Flat(obj, table, file, path);
            row[parentField] = row[parentField] ?? parentId;
            tables.Add(row);
        }

        private static void Each(JsonElement obj, string name, string path, Action<JsonElement, string> read)
        {
            if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
                return;
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                    read(item, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]"));
                i++;
            }
        }

        private static bool Has(JsonElement obj, string name, JsonValueKind? kind = null) =>
            obj.TryGetProperty(name, out var value) && (kind is null || value.ValueKind == kind);
    }
}
