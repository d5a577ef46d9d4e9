namespace PeerBot.Safety.Lexicon;

/// <summary>
/// A safety file (lexicon or crisis texts) is invalid. Each error names the file, the line and the YAML path; the
/// app refuses to start. Messages quote only the file's own content, never client words.
/// </summary>
public sealed class LexiconException : Exception
{
    public LexiconException()
    {
        Errors = [];
    }

    public LexiconException(string message) : base(message)
    {
        Errors = [message];
    }

    public LexiconException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [message];
    }

    public LexiconException(IReadOnlyList<string> errors)
        : base("Invalid safety file:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
