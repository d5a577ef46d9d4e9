namespace PeerBot.BotFramework;

/// <summary>Bot registration settings (configuration section <c>PeerBot:BotFramework</c>).</summary>
public sealed class BotFrameworkOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "PeerBot:BotFramework";

    /// <summary>Microsoft App Id of the bot. Empty means anonymous local mode (Development only).</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret for outbound tokens.</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public string AppType { get; set; } = "MultiTenant";

    /// <summary>Tenant id, required for SingleTenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>True when no app id is configured.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);
}
