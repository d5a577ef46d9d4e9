using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;

namespace PeerBot.BotFramework.Authentication;

/// <summary>
/// Validates the Authorization header of an inbound activity (PROTOCOL.md §3). PLACEHOLDER: accepts only
/// anonymous mode until the foundation issue's JWT validation lands.
/// </summary>
public sealed class BotAuthenticator(IOptions<BotFrameworkOptions> options)
{
    /// <summary>Validates <paramref name="authorizationHeader"/> against <paramref name="activity"/>.</summary>
    public Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (options.Value.IsAnonymous && string.IsNullOrEmpty(authorizationHeader))
            return Task.FromResult(AuthenticationResult.Anonymous);
        return Task.FromResult(AuthenticationResult.Fail(401, "Token validation is not implemented yet."));
    }
}
