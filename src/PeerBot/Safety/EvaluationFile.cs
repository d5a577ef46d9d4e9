namespace PeerBot.Safety;

/// <summary>Reads <c>text&lt;TAB&gt;tier&lt;TAB&gt;note</c> files (UTF-8, header line, no quoting).</summary>
public static class EvaluationFile
{
    public static IReadOnlyList<EvaluationRow>? Read(string path, out string? error)
    {
        var lines = File.ReadAllLines(path);
        error = null;
        if (lines.Length == 0 || !lines[0].TrimEnd('\r').StartsWith("text\ttier", StringComparison.Ordinal))
        {
            error = $"{path}:1: expected the header 'text<TAB>tier<TAB>note'";
            return null;
        }
        var rows = new List<EvaluationRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                error = $"{path}:{i + 1}: expected at least two tab-separated fields";
                return null;
            }
            DistressTier? tier = fields[1].Trim() switch
            {
                "crisis" => DistressTier.Crisis,
                "high" => DistressTier.High,
                "moderate" => DistressTier.Moderate,
                "none" => DistressTier.None,
                _ => null,
            };
            if (tier is null)
            {
                error = $"{path}:{i + 1}: tier must be crisis, high, moderate or none";
                return null;
            }
            rows.Add(new EvaluationRow(i + 1, fields[0], tier.Value, fields.Length > 2 ? fields[2] : string.Empty));
        }
        return rows;
    }
}
