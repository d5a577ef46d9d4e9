using System.Security.Claims;

namespace PeerBot.BotFramework.Authentication;

/// <summary>Outcome of validating an inbound request. <see cref="StatusCode"/> is 401 or 403 on failure.</summary>
public sealed record AuthenticationResult(bool Succeeded, int StatusCode, string? Error, ClaimsIdentity? Identity, string? CallerId)
{
    /// <summary>Anonymous local mode.</summary>
    public static AuthenticationResult Anonymous { get; } = new(true, 200, null, new ClaimsIdentity(), null);

    /// <summary>A rejection.</summary>
    public static AuthenticationResult Fail(int statusCode, string error) => new(false, statusCode, error, null, null);
}
