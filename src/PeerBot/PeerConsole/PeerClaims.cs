using System.Globalization;
using System.Security.Claims;
using PeerBot.Handoff;

namespace PeerBot.PeerConsole;

public static class PeerClaims
{
    public const string CaseloadCap = "peerbot:caseload-cap";

    /// <summary>The signed-in console user as the desk sees them.</summary>
    public static PeerIdentity ToPeer(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var cap = principal.FindFirstValue(CaseloadCap);
        return new PeerIdentity(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No account id claim."),
            principal.FindFirstValue(ClaimTypes.Name) ?? "Peer",
            principal.IsInRole(PeerRoles.Coordinator) || principal.IsInRole(PeerRoles.Admin),
            int.TryParse(cap, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);
    }
}
