using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Resources;

/// <summary>Test data found from the repository root: the HSDS fixtures in ../shared, our sample, the shipped YAML.</summary>
internal static class ResourcePaths
{
    public static string Root => Paths.RepositoryRoot;

    public static string Shared => Paths.Shared;

    public static string HsdsV30 => Path.Combine(Shared, "fixtures", "hsds", "v3.0");

    public static string HsdsV11 => Path.Combine(Shared, "fixtures", "hsds", "v1.1-sample");

    public static string UsDefaults => Path.Combine(Shared, "fixtures", "resources", "us-default.md");

    public static string Sample => Path.Combine(Root, "tests", "PeerBot.Tests", "Resources", "Data", "recovery-sample");

    public static string ShippedFolder => Path.Combine(Root, "dialogs", "resources");

    /// <summary>Copies a folder to a new temp folder the test may edit.</summary>
    public static string CopyToTemp(string source, string into)
    {
        var target = Path.Combine(into, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
