using System.Text.RegularExpressions;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels;

/// <summary>
/// Discreet mode: the first line of a message (what a lock screen or notification shows) must not reveal recovery or
/// mental-health support. When it would, a neutral line is put in front; nothing is held back or removed.
/// </summary>
public static partial class DiscreetFilter
{
    public static string NeutralLine(string? locale) =>
        locale?.StartsWith("es", StringComparison.OrdinalIgnoreCase) == true ? "Hola, tienes un mensaje nuevo." : "Hi, you have a new message.";

    public static bool RevealsSupport(string line) => SensitiveTerms().IsMatch(line);

    public static string Apply(string text, string? locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = end < 0 ? text : text[..end];
        return RevealsSupport(firstLine) ? NeutralLine(locale) + "\n" + text : text;
    }

    public static void Apply(Activity activity, string? locale)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrEmpty(activity.Text))
            activity.Text = Apply(activity.Text, locale);
        if (!string.IsNullOrEmpty(activity.Summary) && RevealsSupport(activity.Summary))
            activity.Summary = NeutralLine(locale);
        else if (string.IsNullOrEmpty(activity.Text) && activity.Attachments is { Count: > 0 })
            activity.Summary = NeutralLine(locale); // card-only messages preview their summary
    }

    // English and Spanish words that name recovery, substance use, mental health or crisis support.
    [GeneratedRegex(@"\b(recover\w*|recuperaci\w*|addict\w*|adicci\w*|relaps\w*|reca[ií]d\w*|sober\w*|sobri\w*|crav\w*|antojo\w*|alcohol\w*|drink\w*|beber|drug\w*|droga\w*|substance\w*|sustancia\w*|opioid\w*|opi[aá]ceo\w*|overdos\w*|sobredosis|naloxone|narcan|rehab\w*|detox\w*|treatment|tratamiento|therap\w*|terapi\w*|counsel\w*|psychiatr\w*|psiqui\w*|mental|depress\w*|anxiety|ansiedad|suicid\w*|self-harm|autolesi\w*|crisis|988|peer support|apoyo entre pares|medication|medicaci\w*|medicamento\w*|(?-i:AA|NA))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SensitiveTerms();
}
