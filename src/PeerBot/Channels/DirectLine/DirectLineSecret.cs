using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PeerBot.Channels.DirectLine;

/// <summary>
/// The Direct Line secret: configured, or in Development a random default printed at start-up. Outside
/// Development an enabled local Direct Line without a configured secret refuses to start.
/// </summary>
internal sealed class DirectLineSecret
{
    public DirectLineSecret(IOptions<DirectLineOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.Secret;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Value = configured;
            return;
        }
        if (!environment.IsDevelopment() && options.Value.Enabled == true)
            throw new InvalidOperationException(
                "PeerBot:DirectLine:Enabled is true but PeerBot:DirectLine:Secret is not set; a secret is required outside Development.");
        Value = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        IsDevelopmentDefault = true;
    }

    public string Value { get; }

    public bool IsDevelopmentDefault { get; }
}
