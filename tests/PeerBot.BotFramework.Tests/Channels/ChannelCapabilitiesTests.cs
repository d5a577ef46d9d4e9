using PeerBot.BotFramework.Channels;
using Xunit;

namespace PeerBot.BotFramework.Tests.Channels;

public sealed class ChannelCapabilitiesTests
{
    [Theory]
    [InlineData("sms")]
    [InlineData("twilio-sms")]
    [InlineData("acs_sms")]
    [InlineData("SMS")]
    public void For_SmsChannels_TextOnlySegmentedWithinTwilioLimit(string channelId)
    {
        var capability = ChannelCapabilities.For(channelId);

        Assert.False(capability.SupportsSuggestedActions);
        Assert.False(capability.SupportsCardActions);
        Assert.True(capability.SegmentsText);
        Assert.Equal(1600, capability.MaxTextLength);
    }

    [Fact]
    public void For_Teams_ThreeSuggestedActionsInPersonalChatOnly()
    {
        var teams = ChannelCapabilities.For("msteams");

        Assert.True(teams.SupportsSuggestedActions);
        Assert.Equal(3, teams.MaxSuggestedActions);
        Assert.True(teams.SuggestedActionsPersonalOnly);
        Assert.Equal(50, teams.MaxCardActions);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    public void For_WebChannels_SupportButtons(string channelId)
    {
        var capability = ChannelCapabilities.For(channelId);

        Assert.True(capability.SupportsSuggestedActions);
        Assert.True(capability.SupportsCardActions);
        Assert.False(capability.SegmentsText);
        Assert.Equal(channelId, capability.ChannelId);
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("")]
    [InlineData(null)]
    public void For_UnknownChannel_PlainTextDefault(string? channelId)
    {
        var capability = ChannelCapabilities.For(channelId);

        Assert.Same(ChannelCapabilities.Unknown, capability);
        Assert.False(capability.SupportsSuggestedActions);
        Assert.False(capability.SupportsCardActions);
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    [InlineData("sms")]
    public void For_KnownChannel_ButtonCountsAgreeWithSupportFlags(string channelId)
    {
        var capability = ChannelCapabilities.For(channelId);

        Assert.Equal(capability.SupportsSuggestedActions, capability.MaxSuggestedActions > 0);
        Assert.Equal(capability.SupportsCardActions, capability.MaxCardActions > 0);
    }
}
