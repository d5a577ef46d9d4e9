namespace PeerBot.Dialogs.Definitions;

/// <summary>The languages every dialog text must be written in.</summary>
public static class Locales
{
    public const string Default = "en";

    public static IReadOnlyList<string> Supported { get; } = ["en", "es"];

    /// <summary>Maps a BCP-47 tag (es-MX, en-US, …) to a supported locale, or <see cref="Default"/>.</summary>
    public static string Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return Default;
        var language = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Supported.Contains(language) ? language : Default;
    }
}
