using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Scheduling;

/// <summary>
/// PeerBot for scheduling tests: the background scheduler is off, so a test runs the dispatcher itself when it has
/// moved the clock; and an SMS client that has said hello.
/// </summary>
internal static class SchedulingApps
{
    public static PeerBotApp NewApp(Dictionary<string, string?>? extra = null, string provider = "Sqlite")
    {
        var settings = new Dictionary<string, string?> { ["PeerBot:Scheduling:Enabled"] = "false" };
        foreach (var (k, v) in extra ?? [])
            settings[k] = v;
        return new PeerBotApp(settings, provider: provider);
    }

    public static async Task<(string Key, ActivityBuilder Client)> NewSmsClientAsync(PeerBotApp app)
    {
        var client = new ActivityBuilder("sms", "+1555" + Random.Shared.Next(1_000_000, 9_999_999));
        using (await app.SendAsync(client.Message("hello"))) { }
        var hash = ConversationKeys.ChannelHash("sms", client.ConversationId);
        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Where(c => c.ChannelHash == hash).Select(c => c.Key).SingleAsync());
        return (key, client);
    }
}
