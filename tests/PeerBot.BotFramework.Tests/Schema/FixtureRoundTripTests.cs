using System.Text.Json;
using System.Text.Json.Nodes;
using PeerBot.BotFramework.Schema;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Schema;

/// <summary>Every shared activity fixture parses as <see cref="Activity"/> and serializes back to the same JSON.</summary>
public sealed class FixtureRoundTripTests
{
    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(RepoPaths.ActivityFixtures, "*.json").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Fixtures_Folder_HasActivities()
    {
        Assert.True(Directory.GetFiles(RepoPaths.ActivityFixtures, "*.json").Length >= 10);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_ParseThenSerialize_IsSemanticallyEqual(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.ActivityFixtures, file)))!;
        // The Direct Line ActivitySet fixture wraps activities: {activities:[…], watermark}.
        List<JsonNode> activities = original is JsonObject set && set["activities"] is JsonArray list
            ? [.. list.Select(n => n!)]
            : [original];

        foreach (var node in activities)
        {
            var activity = node.Deserialize<Activity>(BotJson.Options)!;
            var written = JsonSerializer.SerializeToNode(activity, BotJson.Options);

            Assert.NotNull(activity.Type);
            Assert.Null(JsonSemantics.FirstDifference(node, written));
        }
    }

    [Fact]
    public void Comparison_ActivityLosingUnknownProperties_IsDetected()
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.ActivityFixtures, "directline.message.fromClient.json")));
        var activity = original.Deserialize<Activity>(BotJson.Options)!;
        activity.ExtensionData = null;

        var difference = JsonSemantics.FirstDifference(original, JsonSerializer.SerializeToNode(activity, BotJson.Options));

        Assert.StartsWith("$.cci_", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DirectLineFixture_KeepsUnknownPropertiesAtEveryLevel()
    {
        var activity = Read("directline.message.fromClient.json");

        Assert.True(activity.ExtensionData!.ContainsKey("cci_bot_id"));
        Assert.True(activity.ExtensionData.ContainsKey("testActivityObject"));
        Assert.Equal("K43kzFuz9HGGKddXSXkBH4-us|0000003", activity.Id);
        Assert.Equal(new DateTimeOffset(2022, 3, 24, 17, 57, 22, 436, TimeSpan.FromHours(-7)), activity.LocalTimestamp);
    }

    [Fact]
    public void Parse_TeamsChannelMessage_ReadsEscapedTextAndOffsetTimestamps()
    {
        var activity = Read("teams.message.channel.mention.json");

        Assert.Equal("<at>ridotest</at> reply to thread", activity.Text);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", activity.Conversation.TenantId);
    }

    internal static Activity Read(string file) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(RepoPaths.ActivityFixtures, file)), BotJson.Options)!;
}
