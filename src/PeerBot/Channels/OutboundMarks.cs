using System.Text.Json;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels;

/// <summary>
/// A marker carried inside a queued activity (never sent): compliance replies (STOP confirmation, HELP) are the only
/// messages an opted-out number may receive.
/// </summary>
public static class OutboundMarks
{
    private const string ComplianceKey = "peerbot.compliance";

    public static IReadOnlyList<Activity> Compliance(IReadOnlyList<Activity> activities)
    {
        foreach (var activity in activities)
        {
            activity.ExtensionData ??= new Dictionary<string, JsonElement>();
            activity.ExtensionData[ComplianceKey] = JsonSerializer.SerializeToElement(true);
        }
        return activities;
    }

    /// <summary>Removes the marker and tells whether it was there.</summary>
    public static bool TakeCompliance(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ExtensionData is null || !activity.ExtensionData.Remove(ComplianceKey))
            return false;
        if (activity.ExtensionData.Count == 0)
            activity.ExtensionData = null;
        return true;
    }
}
