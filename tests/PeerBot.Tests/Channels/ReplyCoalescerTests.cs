using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>A turn's plain texts in a row go out as one message; cards, marks and long SMS stay apart.</summary>
public sealed class ReplyCoalescerTests
{
    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, ReplyToId = "m1" };

    private static Activity WithButtons(string text, params string[] titles)
    {
        var activity = Text(text);
        activity.SuggestedActions = new SuggestedActions { Actions = titles.Select(t => new CardAction { Type = "imBack", Title = t, Value = JsonSerializer.SerializeToElement(t) }).ToList() };
        return activity;
    }

    [Fact]
    public void Coalesce_TextThenQuestionWithButtons_OneMessageKeepingTheButtonsAtTheEnd()
    {
        var joined = ReplyCoalescer.Coalesce([Text("Good to hear."), Text("Notice what helps."), WithButtons("How did you sleep?", "Well", "Poorly")], "webchat");

        var message = Assert.Single(joined);
        Assert.Equal("Good to hear.\n\nNotice what helps.\n\nHow did you sleep?", message.Text);
        Assert.Equal(["Well", "Poorly"], message.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public void Coalesce_ButtonsBeforeText_StayWithTheirOwnQuestion()
    {
        var joined = ReplyCoalescer.Coalesce([WithButtons("Anything else?", "Yes", "No"), Text("Tip: type menu.")], "msteams");

        Assert.Equal(["Anything else?", "Tip: type menu."], joined.Select(a => a.Text));
        Assert.NotNull(joined[0].SuggestedActions);
    }

    [Fact]
    public void Coalesce_CardOrMarkedOrDifferentFormat_IsNeverJoined()
    {
        var card = Text("Here is a card.");
        card.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = JsonSerializer.SerializeToElement(new { title = "x" }) }];
        var marked = Text("Reply STOP to opt out.");
        marked.ExtensionData = new Dictionary<string, JsonElement> { ["peerbot.compliance"] = JsonSerializer.SerializeToElement(true) };
        var markdown = Text("**Bold**");
        markdown.TextFormat = "markdown";

        var joined = ReplyCoalescer.Coalesce([Text("One."), card, Text("Two."), marked, Text("Three."), markdown], "webchat");

        Assert.Equal(6, joined.Count);
    }

    [Fact]
    public void Coalesce_Sms_JoinsOnlyWhileTheTextFitsInOneMessage()
    {
        var shortOnes = ReplyCoalescer.Coalesce([Text("You're back with me."), Text("Was the chat helpful?")], "sms");
        var longOnes = ReplyCoalescer.Coalesce([Text(new string('a', 200)), Text(new string('b', 200))], "sms");

        Assert.Equal("You're back with me.\n\nWas the chat helpful?", Assert.Single(shortOnes).Text);
        Assert.Equal(2, longOnes.Count);
        Assert.All(longOnes, a => Assert.True(SmsSegmenter.Segments(a.Text!) <= ReplyRenderer.SmsSegmentsPerMessage));
    }

    [Fact]
    public void Coalesce_Twice_ChangesNothingMore()
    {
        var once = ReplyCoalescer.Coalesce([Text("a"), Text("b"), WithButtons("c", "x"), Text("d"), Text("e")], "webchat");
        var texts = once.Select(a => a.Text).ToList();

        var twice = ReplyCoalescer.Coalesce(once, "webchat");

        Assert.Equal(["a\n\nb\n\nc", "d\n\ne"], texts);
        Assert.Equal(texts, twice.Select(a => a.Text));
    }
}
