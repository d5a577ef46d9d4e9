using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels.Teams;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class AdaptiveCardsTests
{
    [Fact]
    public void ChoicePrompt_OneExecuteActionPerChoice_WithSubmitFallback()
    {
        var card = AdaptiveCards.ChoicePrompt("What would you like to do?", ["Check in", "Coping ideas", "Talk to a peer"]);

        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("AdaptiveCard", content.GetProperty("type").GetString());
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        var actions = content.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("fallback").GetProperty("type").GetString()));
        Assert.Equal("Coping ideas", actions[1].GetProperty("data").GetProperty("choice").GetString());
    }

    [Fact]
    public void CheckIn_HasMoodCravingSleepAndUseInputs()
    {
        var card = AdaptiveCards.CheckIn("en-US").Content!.Value;

        var ids = card.GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("id", out _)).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(["mood", "craving", "sleep", "anyUse"], ids);
        Assert.Equal(AdaptiveCards.CheckInVerb, card.GetProperty("actions")[0].GetProperty("verb").GetString());
    }

    [Fact]
    public void Card_AttachmentShape_MatchesRecordedTeamsOutgoingCard()
    {
        var recorded = JsonSerializer.Deserialize<Activity>(
            File.ReadAllText(Paths.Fixture("activities", "teams.outgoing.adaptiveCard.personal.json")), BotJson.Options)!;
        var expected = recorded.Attachments!.Single();
        var ours = AdaptiveCards.CheckIn("es-US");

        Assert.Equal(expected.ContentType, ours.ContentType);
        Assert.Equal(expected.Content!.Value.GetProperty("type").GetString(), ours.Content!.Value.GetProperty("type").GetString());
        Assert.True(ours.Content.Value.TryGetProperty("body", out _));
    }

    [Fact]
    public void InvokeMessage_CarriesActionData_AndChoiceAsText()
    {
        var invoke = TeamsTests.Fixture("teams.invoke.adaptiveCardAction.personal.json");

        var message = TeamsInbound.AsMessage(invoke);

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal(invoke.Id, message.Id);
        Assert.Equal("test invokes", message.Value!.Value.GetProperty("feedback").GetString());
        Assert.Equal(string.Empty, message.Text);
        Assert.Equal("56653e9d-2158-46ee-90d7-675c39642038", message.Conversation!.TenantId);
    }
}
