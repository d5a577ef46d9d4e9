namespace PeerBot.Conversations;

/// <summary>
/// Words a client wrote. It prints as "[client text]" so a forgotten log argument or interpolation never leaks
/// them (STYLE.md convention 15). Only the peer relay, the detector's matcher and the encrypted summary writer
/// read <see cref="Value"/>; a grep for ".Value" on ClientText is the privacy review checklist.
/// </summary>
public readonly record struct ClientText(string Value)
{
    public static ClientText Empty { get; } = new(string.Empty);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);

    public override string ToString() => "[client text]";
}
