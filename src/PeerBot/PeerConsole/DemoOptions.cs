using System.ComponentModel.DataAnnotations;

namespace PeerBot.PeerConsole;

/// <summary>Development-only demo accounts (never seeded outside Development).</summary>
public sealed class DemoOptions
{
    public const string Section = "PeerBot:Demo";

    /// <summary>Password of peer1@demo.local, peer2@demo.local and coordinator@demo.local.</summary>
    [MinLength(8)]
    public string Password { get; set; } = "peerbot-demo-2026";

    /// <summary>False: no demo accounts even in Development (the start-up warm-up's private copy).</summary>
    public bool Seed { get; set; } = true;
}
