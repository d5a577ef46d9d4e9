namespace PeerBot.Tests.Dialogs;

/// <summary>
/// A plain-text conversation script. Header lines <c># channel: sms</c> and <c># locale: es-MX</c>; then
/// <c>&gt; user words</c> (or <c>&gt; (welcome)</c>, <c>&gt; (offer-peer) words</c>), the bot's lines
/// <c>&lt; text</c> (ending in <c>...</c> = starts with; <c>&lt; *</c> = any lines until the next one matches)
/// and the turn's events <c>! handoff: check-in</c>. Other <c>#</c> lines are comments. Without a channel header
/// the channel is the file name's last part (<c>coping.sms.txt</c> → sms), else web chat.
/// </summary>
internal sealed record Transcript(
    string Name, string Channel, string Locale, IReadOnlyList<TranscriptTurn> Turns, IReadOnlyList<string> Header)
{
    public static Transcript Parse(string path)
    {
        var channel = ChannelOf(path);
        var locale = "en-US";
        var header = new List<string>();
        var turns = new List<TranscriptTurn>();
        TranscriptTurn? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (turns.Count == 0 && line.StartsWith('#'))
                header.Add(line);
            if (line.StartsWith("# channel:", StringComparison.Ordinal))
                channel = line["# channel:".Length..].Trim();
            else if (line.StartsWith("# locale:", StringComparison.Ordinal))
                locale = line["# locale:".Length..].Trim();
            else if (line.Length == 0 || line.StartsWith('#'))
                continue;
            else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
                turns.Add(current = new TranscriptTurn(line.Length > 2 ? line[2..] : string.Empty, lineNumber));
            else if (current is null)
                throw new FormatException($"{path}:{lineNumber}: a transcript starts with a '> ' line");
            else if (line.StartsWith("< ", StringComparison.Ordinal) || line == "<")
                current.Bot.Add(line.Length > 2 ? line[2..] : string.Empty);
            else if (line.StartsWith("! ", StringComparison.Ordinal))
                current.Events.Add(line[2..]);
            else
                throw new FormatException($"{path}:{lineNumber}: lines start with '>', '<', '!' or '#'");
        }
        return new Transcript(Path.GetFileName(path), channel, locale, turns, header);
    }

    private static string ChannelOf(string path)
    {
        var parts = Path.GetFileNameWithoutExtension(path).Split('.');
        return parts.Length > 1 && parts[^1] is "sms" or "webchat" or "msteams" or "teams" or "directline" ? parts[^1] : "webchat";
    }
}

internal sealed record TranscriptTurn(string User, int Line)
{
    public List<string> Bot { get; } = [];
    public List<string> Events { get; } = [];
}
