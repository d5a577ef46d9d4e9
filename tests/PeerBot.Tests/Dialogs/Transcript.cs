namespace PeerBot.Tests.Dialogs;

/// <summary>
/// A plain-text conversation script. Header lines <c># channel: sms</c> and <c># locale: es-MX</c>; then
/// <c>&gt; user words</c> (or <c>&gt; (welcome)</c>, <c>&gt; (offer-peer) words</c>), the bot's lines
/// <c>&lt; text</c> (ending in <c>...</c> = starts with; <c>&lt; *</c> = any lines until the next one matches)
/// and the turn's events <c>! handoff: check-in</c>. Other <c>#</c> lines are comments.
/// </summary>
internal sealed record Transcript(string Name, string Channel, string Locale, IReadOnlyList<TranscriptTurn> Turns)
{
    public static Transcript Parse(string path)
    {
        var channel = "webchat";
        var locale = "en-US";
        var turns = new List<TranscriptTurn>();
        TranscriptTurn? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd();
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
        return new Transcript(Path.GetFileName(path), channel, locale, turns);
    }
}

internal sealed record TranscriptTurn(string User, int Line)
{
    public List<string> Bot { get; } = [];
    public List<string> Events { get; } = [];
}
