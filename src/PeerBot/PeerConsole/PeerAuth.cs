namespace PeerBot.PeerConsole;

/// <summary>Authentication schemes and authorization policies of the console and its API.</summary>
public static class PeerAuth
{
    /// <summary>Picks bearer when an Authorization header is present, else the console cookie.</summary>
    public const string Scheme = "PeerBot";
    public const string Cookie = "PeerBot.Cookie";
    public const string Bearer = "PeerBot.Bearer";

    /// <summary>Any console user (peer, coordinator, admin).</summary>
    public const string PeerPolicy = "peer";
    public const string CoordinatorPolicy = "coordinator";

    public const string CsrfHeader = "X-CSRF-TOKEN";
}
