namespace PeerBot.Resources;

/// <summary>Where the shipped resource files live (<c>categories.yaml</c>, <c>national.yaml</c>).</summary>
public sealed class ResourceOptions
{
    public const string Section = "PeerBot:Resources";

    public const string DefaultFolder = "dialogs/resources";

    /// <summary>
    /// Absolute, or relative to the content root; when not found there, the first <c>dialogs/resources</c>
    /// above the app's folder is used (the repository layout when running from source or tests).
    /// </summary>
    public string Folder { get; set; } = DefaultFolder;

    public string ResolveFolder(string? contentRoot)
    {
        if (Path.IsPathRooted(Folder))
            return Folder;
        if (contentRoot is not null && Directory.Exists(Path.Combine(contentRoot, Folder)))
            return Path.GetFullPath(Path.Combine(contentRoot, Folder));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder);
            if (File.Exists(Path.Combine(candidate, NationalLines.FileName)))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"Resource folder '{Folder}' not found under the content root or above {AppContext.BaseDirectory}; set {Section}:Folder.");
    }
}
