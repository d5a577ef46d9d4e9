using System.Text.Json;
using PeerBot.BotFramework.Schema;
using Xunit;

namespace PeerBot.BotFramework.Tests.Schema;

public sealed class BotJsonTests
{
    [Fact]
    public void Serialize_Activity_CamelCaseAndNullsOmitted()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "x", ReplyToId = "7" }, BotJson.Options);

        Assert.Equal("""{"type":"message","text":"x","replyToId":"7"}""", json);
    }

    [Fact]
    public void Deserialize_AnyCasing_Reads()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"message","CONVERSATION":{"Id":"c-1"}}""", BotJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("c-1", activity.Conversation!.Id);
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z")]
    [InlineData("2026-01-02T03:04:05.1230000+00:00", "2026-01-02T03:04:05.123Z")]
    [InlineData("2026-01-02T03:04:05.5223034\\u002B00:00", "2026-01-02T03:04:05.5223034Z")]
    [InlineData("2026-01-01T20:04:05.25-07:00", "2026-01-01T20:04:05.25-07:00")]
    public void Timestamp_ReadAndWritten_UtcWithZOthersWithOffset(string wire, string written)
    {
        var activity = JsonSerializer.Deserialize<Activity>($$"""{"type":"message","timestamp":"{{wire}}"}""", BotJson.Options)!;

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(activity, BotJson.Options));
        Assert.Equal(written, document.RootElement.GetProperty("timestamp").GetString());
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("12345")]
    public void Timestamp_NotIso_ThrowsJsonException(string value)
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<Activity>($$"""{"type":"message","timestamp":{{value}}}""", BotJson.Options));
    }

    [Fact]
    public void ErrorResponse_Teams403_ReadsCodeAndSubCode()
    {
        var error = JsonSerializer.Deserialize<ErrorResponse>(
            """{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"m","innerHttpError":{"statusCode":403}}}""",
            BotJson.Options)!.Error!;

        Assert.Equal("Forbidden", error.Code);
        Assert.Equal("MessageWritesBlocked", error.SubCode);
        Assert.Equal(403, error.InnerHttpError!.StatusCode);
    }
}
