namespace PeerBot.Dialogs.Loading;

/// <summary>Thrown at start-up when a dialog file is invalid; the message lists every error (file, line, path).</summary>
public sealed class DialogValidationException : Exception
{
    public DialogValidationException() { }

    public DialogValidationException(string message) : base(message) { }

    public DialogValidationException(string message, Exception innerException) : base(message, innerException) { }
}
