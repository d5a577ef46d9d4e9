using PeerBot.BotFramework.Schema;

namespace PeerBot.Tests.Testing;

/// <summary>Builds inbound activities for one simulated client conversation.</summary>
public sealed class ActivityBuilder(string channelId = "msteams", string? conversationId = null, string locale = "en-US")
{
    private int _next;

    public const string ServiceUrl = "https://connector.test/";

    public string ChannelId { get; } = channelId;
    public string ConversationId { get; } = conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..12];
    public string Locale { get; } = locale;

    public Activity Message(string text, string? id = null) => Base(ActivityTypes.Message, id, a => a.Text = text);

    public Activity ConversationUpdate() => Base(ActivityTypes.ConversationUpdate, null,
        a => a.MembersAdded = [new ChannelAccount { Id = "user-1" }]);

    public Activity Invoke(string name) => Base(ActivityTypes.Invoke, null, a => a.Name = name);

    private Activity Base(string type, string? id, Action<Activity> configure)
    {
        var activity = new Activity
        {
            Type = type,
            Id = id ?? $"act-{Interlocked.Increment(ref _next)}",
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            From = new ChannelAccount { Id = "user-1", Name = "Client" },
            Recipient = new ChannelAccount { Id = "bot-1", Name = "PeerBot" },
            Conversation = new ConversationAccount { Id = ConversationId },
            Locale = Locale,
        };
        configure(activity);
        return activity;
    }
}
