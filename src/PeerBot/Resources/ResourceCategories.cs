namespace PeerBot.Resources;

/// <summary>The resource categories a client can ask for. Names are the keys used in dialogs and YAML.</summary>
public static class ResourceCategories
{
    public const string Crisis = "crisis";
    public const string Treatment = "treatment";
    public const string Meetings = "meetings";
    public const string Housing = "housing";
    public const string Food = "food";
    public const string Legal = "legal";
    public const string Transportation = "transportation";
    public const string HarmReduction = "harm-reduction";

    public static IReadOnlyList<string> All { get; } =
        [Crisis, Treatment, Meetings, Housing, Food, Legal, Transportation, HarmReduction];

    /// <summary>The canonical name for a category ("Harm reduction", "naloxone" → harm-reduction), or null.</summary>
    public static string? Normalize(string? category)
    {
        var key = TextKey.Of(category).Replace(' ', '-');
        return key switch
        {
            "naloxone" or "narcan" or "harm-reduction" or "harmreduction" => HarmReduction,
            "meeting" or "support-groups" => Meetings,
            _ => All.FirstOrDefault(c => c == key),
        };
    }
}
