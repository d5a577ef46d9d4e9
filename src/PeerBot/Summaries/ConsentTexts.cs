using Microsoft.Extensions.Options;

namespace PeerBot.Summaries;

/// <summary>One language's consent text and the version the ledger records with each decision.</summary>
public sealed record ConsentText(string Language, string Version, string Body);

/// <summary>
/// The consent texts from <c>dialogs/consent/consent.{language}.md</c>: a front-matter header with
/// <c>version:</c>, then the plain-language text. Loaded once; a missing or unversioned file fails start-up.
/// </summary>
public sealed class ConsentTexts
{
    public const string DefaultLanguage = "en";

    private readonly Dictionary<string, ConsentText> _texts;

    public ConsentTexts(IOptions<SummaryOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var folder = ResolveFolder(options.Value.ConsentFolder, environment.ContentRootPath);
        _texts = Directory.EnumerateFiles(folder, "consent.*.md")
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);
        if (!_texts.ContainsKey(DefaultLanguage))
            throw new InvalidOperationException($"No consent.{DefaultLanguage}.md in {options.Value.ConsentFolder}.");
    }

    public ConsentText For(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var language = locale.Split('-')[0];
        return _texts.TryGetValue(language, out var text) ? text : _texts[DefaultLanguage];
    }

    public static ConsentText Parse(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
            throw new InvalidDataException($"{fileName}: the consent text must start with a '---' header.");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
            throw new InvalidDataException($"{fileName}: the header is not closed with '---'.");
        var header = lines[1..end]
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!header.TryGetValue("version", out var version) || string.IsNullOrWhiteSpace(version))
            throw new InvalidDataException($"{fileName}: the header has no version.");
        var language = header.TryGetValue("language", out var l) ? l : fileName.Split('.')[1];
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        if (body.Length == 0)
            throw new InvalidDataException($"{fileName}: the consent text is empty.");
        return new ConsentText(language, version, body);
    }

    private static string ResolveFolder(string folder, string? contentRoot)
    {
        if (Path.IsPathRooted(folder))
            return folder;
        if (contentRoot is not null && Directory.Exists(Path.Combine(contentRoot, folder)))
            return Path.GetFullPath(Path.Combine(contentRoot, folder));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"Consent folder '{folder}' not found under the content root or above {AppContext.BaseDirectory}; set {SummaryOptions.Section}:ConsentFolder.");
    }
}
