using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class DiscreetModeTests
{
    [Theory]
    [InlineData("How is your recovery going today?", "en-US")]
    [InlineData("Cravings can pass. Try a walk.", "en-US")]
    [InlineData("If you are in danger, call or text 988.", "en-US")]
    [InlineData("Your AA meeting is at 7.", "en-US")]
    [InlineData("¿Cómo va tu recuperación?", "es-US")]
    public void Apply_RevealingFirstLine_NeutralLineFirst(string text, string locale)
    {
        var result = DiscreetFilter.Apply(text, locale);

        var firstLine = result.Split('\n')[0];
        Assert.False(DiscreetFilter.RevealsSupport(firstLine));
        Assert.Equal(DiscreetFilter.NeutralLine(locale), firstLine);
        Assert.EndsWith(text, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi, how was your day?")]
    [InlineData("Good morning!\nHow are your cravings today?")]
    [InlineData("Nada nuevo por aquí.")]
    public void Apply_NeutralFirstLine_Unchanged(string text)
    {
        Assert.Equal(text, DiscreetFilter.Apply(text, "en-US"));
    }

    [Fact]
    public void Apply_CardOnlyActivity_GetsNeutralSummary()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive" }] };

        DiscreetFilter.Apply(activity, "en-US");

        Assert.Equal(DiscreetFilter.NeutralLine("en-US"), activity.Summary);
    }

    [Fact]
    public async Task DiscreetCommand_LaterRepliesStartNeutral_OffRestores()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("sms", "+15550102030");
        await TextsAfterAsync(app, client, "hi"); // the first message on SMS gets the welcome; compare later turns

        var on = await TextsAfterAsync(app, client, "discreet on");
        var discreet = await TextsAfterAsync(app, client, "help");
        var off = await TextsAfterAsync(app, client, "Discreet off");
        var plain = await TextsAfterAsync(app, client, "help");

        Assert.Contains("discreet mode is on", Assert.Single(on), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("discreet mode is off", Assert.Single(off), StringComparison.OrdinalIgnoreCase);
        Assert.All(discreet, t => Assert.False(DiscreetFilter.RevealsSupport(t.Split('\n')[0])));
        Assert.Equal(plain.Select(t => DiscreetFilter.Apply(t, "en-US")), discreet);
        // The help text names PeerBot and recovery support in its first line: discreet mode must have changed it.
        Assert.NotEqual(plain, discreet);
    }

    private static async Task<List<string>> TextsAfterAsync(PeerBotApp app, ActivityBuilder client, string text)
    {
        var before = app.Connector.TextsTo(client.ConversationId).Count;
        using (await app.SendAsync(client.Message(text))) { }
        return app.Connector.TextsTo(client.ConversationId).Skip(before).ToList();
    }
}
