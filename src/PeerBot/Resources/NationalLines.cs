using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PeerBot.Resources;

/// <summary>
/// The shipped national lines (<c>dialogs/resources/national.yaml</c>), in English and Spanish. The loader is
/// strict: unknown keys, unknown categories, a missing language and retired options ("press 3", "text PRIDE")
/// are errors naming the file and line.
/// </summary>
public sealed class NationalLines
{
    public const string FileName = "national.yaml";

    /// <summary>Options that no longer exist; shipping them would send a person in crisis nowhere.</summary>
    private static readonly string[] Retired = ["press 3", "pulse 3", "marque 3", "text pride"];

    private readonly IReadOnlyList<NationalLine> _lines;

    private NationalLines(IReadOnlyList<NationalLine> lines) => _lines = lines;

    public IReadOnlyList<NationalLine> Lines => _lines;

    public static NationalLines Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        NationalFile file;
        try
        {
            using var reader = File.OpenText(path);
            file = deserializer.Deserialize<NationalFile>(reader) ?? new NationalFile();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }

        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            var where = $"{path}: lines[{i}]{(line.Id is null ? "" : $" ({line.Id})")}";
            if (string.IsNullOrWhiteSpace(line.Id) || !ids.Add(line.Id))
                errors.Add($"{where}.id: required and unique");
            if (line.Categories.Count == 0 || line.Categories.Any(c => !ResourceCategories.All.Contains(c)))
                errors.Add($"{where}.categories: one or more of {string.Join(", ", ResourceCategories.All)}");
            foreach (var (name, text) in new[] { ("name", line.Name), ("description", line.Description) })
            {
                if (string.IsNullOrWhiteSpace(text.En) || string.IsNullOrWhiteSpace(text.Es))
                    errors.Add($"{where}.{name}: needs en and es text");
            }
            if (line.Phone is null && line.Sms is null && line.Url is null)
                errors.Add($"{where}: needs a phone, sms or url");
            var all = string.Join(' ', line.Name.En, line.Name.Es, line.Description.En, line.Description.Es, line.Hours?.En, line.Hours?.Es);
            if (Retired.FirstOrDefault(r => all.Contains(r, StringComparison.OrdinalIgnoreCase)) is { } retired)
                errors.Add($"{where}: mentions the retired option \"{retired}\"");
        }
        if (errors.Count > 0)
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));

        return new NationalLines(file.Lines.Select(l => new NationalLine(l.Id!, l.Categories, l.Name, l.Description,
            l.Phone, l.Sms, l.Url, l.Hours, l.Source, l.Verified)).ToList());
    }

    /// <summary>The lines for a category, in file order, in Spanish when the locale is Spanish.</summary>
    public IReadOnlyList<ResourceListing> For(string category, string locale)
    {
        var spanish = locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
        return _lines.Where(l => l.Categories.Contains(category))
            .Select(l => new ResourceListing(l.Name.In(spanish), l.Description.In(spanish), l.Phone, l.Sms, l.Url, null,
                l.Hours?.In(spanish), National: true))
            .ToList();
    }

    private sealed class NationalFile
    {
        public List<NationalLineFile> Lines { get; set; } = [];
    }

    private sealed class NationalLineFile
    {
        public string? Id { get; set; }
        public List<string> Categories { get; set; } = [];
        public LocalizedText Name { get; set; } = new();
        public LocalizedText Description { get; set; } = new();
        public string? Phone { get; set; }
        public string? Sms { get; set; }
        public string? Url { get; set; }
        public LocalizedText? Hours { get; set; }
        public string? Source { get; set; }
        public string? Verified { get; set; }
    }
}

/// <summary>One shipped national line, with where its facts were checked (<see cref="Source"/>, level P/S).</summary>
public sealed record NationalLine(
    string Id, IReadOnlyList<string> Categories, LocalizedText Name, LocalizedText Description,
    string? Phone, string? Sms, string? Url, LocalizedText? Hours, string? Source, string? Verified);

/// <summary>English and Spanish text.</summary>
public sealed class LocalizedText
{
    public string En { get; set; } = "";
    public string Es { get; set; } = "";

    public string In(bool spanish) => spanish && !string.IsNullOrWhiteSpace(Es) ? Es : En;
}
