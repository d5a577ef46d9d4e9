namespace PeerBot.Dialogs.Definitions;

/// <summary>Texts every dialog shares (<c>dialogs/global.yaml</c> → <c>texts:</c>).</summary>
public enum GlobalText
{
    Retry, GiveUp, Resumed, Restarted, Cancelled, Peer, MyData, DeleteMyData, Privacy, Language,
    ReplyHint, Or, Yes, No, Call, TextTo,
}

/// <summary>Words that mean one thing anywhere in a conversation (<c>words:</c>).</summary>
public enum GlobalWord
{
    Menu, Help, Peer, Cancel, MyData, DeleteMyData, Privacy, MyPlan, MyGoals, English, Spanish, Yes, No, Skip,
}

/// <summary>The settings of <c>dialogs/global.yaml</c>: which dialogs play which part, shared texts and words.</summary>
public sealed record GlobalDefinition(
    string File,
    string Main,
    string Welcome,
    string Help,
    string PeerOffer,
    string Plan,
    int MaxTries,
    IReadOnlyDictionary<GlobalText, LocalizedText> Texts,
    IReadOnlyDictionary<GlobalWord, LocalizedWords> Words)
{
    public const string FileName = "global.yaml";

    public int Line { get; init; } = 1;

    /// <summary>What "my goals" opens (<c>goals:</c>).</summary>
    public required string Goals { get; init; }

    public static IReadOnlyDictionary<string, GlobalText> TextNames { get; } = Names<GlobalText>();

    public static IReadOnlyDictionary<string, GlobalWord> WordNames { get; } = Names<GlobalWord>();

    public string Text(GlobalText key, string locale) => Texts[key].Get(locale);

    /// <summary>YAML names are the enum names in kebab case: <c>DeleteMyData</c> → <c>delete-my-data</c>.</summary>
    private static Dictionary<string, T> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(Kebab, v => v, StringComparer.Ordinal);

    internal static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}
