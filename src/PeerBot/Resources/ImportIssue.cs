namespace PeerBot.Resources;

/// <summary>A problem with one record or file: where it is (file, line when known, field path) and what is wrong.</summary>
public sealed record ImportIssue(string File, int? Line, string Path, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Path}: {Message}" : $"{File}: {Path}: {Message}";
}

/// <summary>What an import did. Records with issues were skipped; everything else was saved.</summary>
public sealed record ImportReport(
    int Organizations, int Services, int Locations, int Addresses, int ServiceLocations, int Phones,
    int CategorizedServices, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<string> SkippedFiles)
{
    public bool HasErrors => Errors.Count > 0;
}
