using PeerBot.Dialogs.Loading;

namespace PeerBot.Dialogs.Running;

/// <summary>Fills <c>{name}</c> placeholders from variables; an unset variable becomes empty.</summary>
public static class TemplateRenderer
{
    public static string Render(string template, Func<string, string?> lookup)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
            return template;
        return DialogChecks.Placeholder().Replace(template, m => lookup(m.Groups["name"].Value) ?? string.Empty);
    }
}
