namespace PeerBot.Handoff;

/// <summary>How a handoff ended (the console's close form and the metrics use these exact values).</summary>
public static class HandoffOutcomes
{
    public const string Resolved = "resolved";
    public const string Referred = "referred";
    public const string ClientLeft = "client-left";
    public const string NoResponse = "no-response";

    public static IReadOnlyList<string> All { get; } = [Resolved, Referred, ClientLeft, NoResponse];

    public static bool IsValid(string? outcome) => outcome is not null && All.Contains(outcome);
}
