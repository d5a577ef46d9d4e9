namespace PeerBot.Channels.DirectLine;

/// <summary>
/// The local Direct Line 3.0 subset that serves the built-in web chat (PROTOCOL.md §6.4). On by default in
/// Development only. With <see cref="Secret"/> set, starting a conversation needs it as a bearer token.
/// </summary>
public sealed class DirectLineOptions
{
    public const string Section = "PeerBot:DirectLine";

    public bool? Enabled { get; set; }

    public string? Secret { get; set; }

    /// <summary>Idle local conversations are forgotten after this long (they live in memory only).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);
}
