using System.Text.Json;
using PeerBot.BotFramework.Schema;
using Xunit;

namespace PeerBot.BotFramework.Tests.Schema;

public sealed class ActivityHelpersTests
{
    [Fact]
    public void GetConversationReference_TeamsMessage_UserIsSenderBotIsRecipient()
    {
        var inbound = FixtureRoundTripTests.Read("teams.message.personal.json");

        var reference = inbound.GetConversationReference();

        Assert.Equal(inbound.From!.Id, reference.User!.Id);
        Assert.Equal(inbound.Recipient!.Id, reference.Bot!.Id);
        Assert.Equal(inbound.Id, reference.ActivityId);
        Assert.Equal(inbound.Conversation!.Id, reference.Conversation!.Id);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reference.ServiceUrl);
    }

    [Theory]
    [InlineData("directline", null)]
    [InlineData("webchat", null)]
    [InlineData("msteams", "u-1")]
    public void GetConversationReference_ConversationUpdate_ActivityIdOnlyWhereItIsAReplyTarget(string channelId, string? expected)
    {
        var inbound = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "u-1", ChannelId = channelId };

        Assert.Equal(expected, inbound.GetConversationReference().ActivityId);
    }

    [Fact]
    public void CreateReply_SwapsAccountsAndThreadsToInbound()
    {
        var inbound = FixtureRoundTripTests.Read("teams.message.personal.json");

        var reply = inbound.CreateReply("Hi");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(inbound.Recipient!.Id, reply.From!.Id);
        Assert.Equal(inbound.From!.Id, reply.Recipient!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(inbound.ChannelId, reply.ChannelId);
        Assert.Equal("Hi", reply.Text);
        Assert.Null(reply.Id);
        Assert.Null(reply.Entities);
        Assert.NotSame(inbound.From, reply.Recipient);
    }

    [Fact]
    public void ApplyConversationReference_Proactive_AddressesUserFromBotWithoutThreading()
    {
        var reference = FixtureRoundTripTests.Read("teams.message.personal.json").GetConversationReference();
        var outgoing = new Activity { Type = ActivityTypes.Message, Text = "checking in" };

        outgoing.ApplyConversationReference(reference);

        Assert.Equal(reference.Bot!.Id, outgoing.From!.Id);
        Assert.Equal(reference.User!.Id, outgoing.Recipient!.Id);
        Assert.Equal(reference.Conversation!.Id, outgoing.Conversation!.Id);
        Assert.Equal(reference.ServiceUrl, outgoing.ServiceUrl);
        Assert.Null(outgoing.ReplyToId);
        Assert.Equal(reference.ActivityId, new Activity().ApplyConversationReference(reference, threaded: true).ReplyToId);
    }

    [Fact]
    public void GetMentions_ChannelMessage_ReadsMentionedAccountAndMarkup()
    {
        var activity = FixtureRoundTripTests.Read("teams.message.channel.mention.json");

        var mention = Assert.Single(activity.GetMentions());

        Assert.Equal("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", mention.Mentioned!.Id);
        Assert.Equal("<at>ridotest</at>", mention.Text);
    }

    [Fact]
    public void GetTextWithoutRecipientMention_ChannelMessage_StripsBotMention()
    {
        var activity = FixtureRoundTripTests.Read("teams.message.channel.mention.json");

        Assert.Equal("reply to thread", activity.GetTextWithoutRecipientMention());
        Assert.Equal("<at>ridotest</at> reply to thread", activity.Text);
    }

    [Fact]
    public void GetTextWithoutRecipientMention_OtherPersonMentioned_KeepsTheirMention()
    {
        var activity = new Activity
        {
            Text = "<at>Sam</at> can you help",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [JsonSerializer.SerializeToElement(new { type = "mention", mentioned = new { id = "29:sam" }, text = "<at>Sam</at>" })],
        };

        Assert.Equal("<at>Sam</at> can you help", activity.GetTextWithoutRecipientMention());
    }

    [Fact]
    public void GetClientInfo_TeamsMessage_ReadsEntity()
    {
        var info = FixtureRoundTripTests.Read("teams.message.channel.mention.json").GetClientInfo();

        Assert.Equal(new ClientInfo("en-US", "US", "Web", "America/Los_Angeles"), info);
    }

    [Fact]
    public void GetClientInfo_NoEntities_Null()
    {
        Assert.Null(new Activity { Type = "message" }.GetClientInfo());
    }
}
