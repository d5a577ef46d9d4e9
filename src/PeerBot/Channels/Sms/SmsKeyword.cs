namespace PeerBot.Channels.Sms;

/// <summary>Carrier compliance keywords (PROTOCOL.md §6.2; CTIA): a whole message that is one of these words.</summary>
public enum SmsKeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>A recognised keyword: its kind and canonical word (STOP, START, …), safe to store and log.</summary>
public sealed record SmsKeyword(SmsKeywordKind Kind, string Canonical)
{
    public static SmsKeyword None { get; } = new(SmsKeywordKind.None, string.Empty);

    private static readonly Dictionary<string, SmsKeywordKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeywordKind.OptOut,
        ["STOPALL"] = SmsKeywordKind.OptOut,
        ["UNSUBSCRIBE"] = SmsKeywordKind.OptOut,
        ["CANCEL"] = SmsKeywordKind.OptOut,
        ["END"] = SmsKeywordKind.OptOut,
        ["QUIT"] = SmsKeywordKind.OptOut,
        ["REVOKE"] = SmsKeywordKind.OptOut,
        ["OPTOUT"] = SmsKeywordKind.OptOut,
        ["START"] = SmsKeywordKind.OptIn,
        ["UNSTOP"] = SmsKeywordKind.OptIn,
        ["HELP"] = SmsKeywordKind.Help,
        ["INFO"] = SmsKeywordKind.Help,
    };

    /// <summary>Exact single word, case-insensitive, surrounding spaces and end punctuation ignored ("Stop." counts).</summary>
    public static SmsKeyword Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 20)
            return None;
        var word = text.Trim().TrimEnd('.', '!', '?', ' ').Trim();
        return Words.TryGetValue(word, out var kind) ? new SmsKeyword(kind, word.ToUpperInvariant()) : None;
    }
}
