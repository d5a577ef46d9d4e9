using PeerBot.Channels;
using PeerBot.Dialogs;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class ReplyRendererTests
{
    private readonly ReplyRenderer _renderer = new();

    [Fact]
    public void Render_SmsChoices_AreNumberedWithTheReplyHint()
    {
        var message = new OutgoingMessage("How did you sleep?", ["Well", "Okay", "Poorly"]) { ReplyHint = "Reply 1, 2 or 3." };

        var activity = Assert.Single(_renderer.Render(message, "sms"));

        Assert.Equal("How did you sleep?\n1. Well\n2. Okay\n3. Poorly\nReply 1, 2 or 3.", activity.Text);
        Assert.Null(activity.SuggestedActions);
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void Render_SmsLongText_IsSplitIntoMessagesOfAtMostTwoSegments()
    {
        var text = string.Join(" ", Enumerable.Repeat("Breathe in for four, hold for four.", 30));

        var activities = _renderer.Render(OutgoingMessage.Plain(text), "sms");

        Assert.True(activities.Count > 1);
        Assert.All(activities, a => Assert.True(SmsSegmenter.Segments(a.Text!) <= ReplyRenderer.SmsSegmentsPerMessage));
    }

    [Fact]
    public void Render_TeamsThreeShortChoices_AreSuggestedActions()
    {
        var activity = Assert.Single(_renderer.Render(new OutgoingMessage("Did that help?", ["Yes", "A little", "Not really"]), "msteams"));

        Assert.Equal(["Yes", "A little", "Not really"], activity.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
    }

    [Fact]
    public void Render_TeamsMoreThanThreeChoices_IsAHeroCard()
    {
        var activity = Assert.Single(_renderer.Render(new OutgoingMessage("Pick one", ["a", "b", "c", "d"]), "msteams"));

        Assert.Null(activity.SuggestedActions);
        var card = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.hero", card.ContentType);
        Assert.Equal(4, card.Content!.Value.GetProperty("buttons").GetArrayLength());
        Assert.Equal("Pick one", card.Content.Value.GetProperty("text").GetString());
    }

    [Fact]
    public void Render_TeamsLongTitle_IsAHeroCard() =>
        Assert.NotNull(Assert.Single(_renderer.Render(new OutgoingMessage("?", ["A title longer than twenty", "b"]), "msteams")).Attachments);

    [Fact]
    public void Render_TeamsGroupChat_IsAHeroCard() =>
        Assert.NotNull(Assert.Single(_renderer.Render(new OutgoingMessage("?", ["a", "b"]), "msteams", "groupChat")).Attachments);

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void Render_WebChannels_GetSuggestedActionsForEveryChoice(string channel)
    {
        var choices = Enumerable.Range(1, 8).Select(i => $"Option {i}").ToList();

        var activity = Assert.Single(_renderer.Render(new OutgoingMessage("Pick", choices), channel));

        Assert.Equal(choices, activity.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("Pick", activity.Text);
    }

    [Fact]
    public void Render_PlainMessage_HasNoActions()
    {
        var activity = Assert.Single(_renderer.Render(OutgoingMessage.Plain("Take care."), "webchat"));

        Assert.Equal("Take care.", activity.Text);
        Assert.Null(activity.SuggestedActions);
    }
}
