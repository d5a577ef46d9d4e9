namespace PeerBot.Safety;

/// <summary>A reply to the crisis text's "Are you safe right now?".</summary>
public enum SafetyAnswerKind
{
    Unclear = 0,
    Safe = 1,
    NotSafe = 2,
}

/// <summary>
/// Reads a short reply to "Are you safe right now?" (English and Spanish). Only a whole short message counts;
/// anything longer or unclear is left to the screen and the dialogs. Doubt counts as not safe: "idk" or "not sure"
/// after that question is treated like "no".
/// </summary>
public static class SafetyAnswer
{
    private static readonly HashSet<string> NotSafe = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "noo", "nooo", "n", "not really", "not safe", "no im not", "no i am not", "im not",
        "i am not", "i dont know", "i do not know", "idk", "dont know", "not sure", "im not sure", "i dont think so",
        "no not really", "no im not safe", "im not safe", "i am not safe", "not at all", "no i dont",
        "no estoy", "no estoy a salvo", "no lo se", "no se", "no mucho", "no realmente", "nel",
    };

    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yea", "yep", "ya", "y", "yes im safe", "im safe", "i am safe", "safe", "ok",
        "okay", "im ok", "im okay", "i am ok", "i am okay", "im fine", "i am fine", "fine", "yes i am", "yeah im safe",
        "si", "si estoy", "estoy bien", "estoy a salvo", "si estoy a salvo",
    };

    public static SafetyAnswerKind Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 40)
            return SafetyAnswerKind.Unclear;
        var words = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetter(c))
                words.Append(c is 'í' ? 'i' : c);
            else if (char.IsWhiteSpace(c) || c is ',' or '.' or '!' or '?')
                words.Append(' ');
        }
        var normalized = string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (NotSafe.Contains(normalized))
            return SafetyAnswerKind.NotSafe;
        return Safe.Contains(normalized) ? SafetyAnswerKind.Safe : SafetyAnswerKind.Unclear;
    }
}
