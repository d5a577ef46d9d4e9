using System.Text.Json.Nodes;
using PeerBot.Conversations;
using PeerBot.Language;
using Xunit;

namespace PeerBot.Tests.Language;

public sealed class LanguageClientErrorTests
{
    private const string Secret = "I want to tell my sponsor Maria at 555-0100";

    [Fact]
    public async Task AnalyzeSentiment_DocumentError_ReturnsErrorValueAndKeepsOtherDocuments()
    {
        var (_, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2023-04-01/SuccessfulSentimentAnalysisRequest.json");
        // The ErrorResponse/DocumentError shape of the contract, for the second document.
        fixtureResponse["results"]!["errors"] = JsonNode.Parse("""
            [{"id":"2","error":{"code":"InvalidArgument","message":"Invalid document in request.",
              "innererror":{"code":"InvalidDocument","message":"Document text is empty."}}}]
            """);
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();

        var results = await LanguageClientSentimentTests.ClientFor(server).AnalyzeSentimentAsync(
            [new ClientText("Great atmosphere."), new ClientText(" ")], "en", TestContext.Current.CancellationToken);

        Assert.True(results[0].IsSuccess);
        Assert.False(results[1].IsSuccess);
        Assert.Equal(new LanguageError("InvalidArgument", "InvalidDocument"), results[1].Error);
    }

    [Theory]
    [InlineData(401, "401", null)]
    [InlineData(400, "InvalidArgument", "InvalidDocumentBatch")]
    [InlineData(429, "429", null)]
    public async Task AnalyzeSentiment_HttpError_ThrowsTypedExceptionWithoutClientText(int status, string code, string? inner)
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.Status = status;
        server.ResponseHeaders["x-ms-error-code"] = code;
        var innerJson = inner is null ? "" : $$""","innererror":{"code":"{{inner}}","message":"Bad: {{Secret}}"}""";
        server.ResponseBody = $$$"""{"error":{"code":"{{{code}}}","message":"Request failed for '{{{Secret}}}'"{{{innerJson}}}}}""";

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() =>
            LanguageClientSentimentTests.ClientFor(server).AnalyzeSentimentAsync(new ClientText(Secret), "en", TestContext.Current.CancellationToken));

        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(inner, ex.InnerErrorCode);
        Assert.DoesNotContain("Maria", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("555-0100", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeSentiment_ErrorWithoutJsonBody_UsesTheHeaderCode()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.Status = 503;
        server.ResponseHeaders["x-ms-error-code"] = "ServiceUnavailable";
        server.ResponseBody = "<html>gateway</html>";

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() =>
            LanguageClientSentimentTests.ClientFor(server).AnalyzeSentimentAsync(new ClientText(Secret), "en", TestContext.Current.CancellationToken));

        Assert.Equal((503, "ServiceUnavailable"), (ex.Status, ex.ErrorCode));
    }

    [Fact]
    public async Task AnalyzeSentiment_UnreadableSuccessBody_ThrowsWithoutPayload()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = $$$"""{"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"1","sentences":"{{{Secret}}}"}]}}""";

        var ex = await Assert.ThrowsAsync<LanguageServiceException>(() =>
            LanguageClientSentimentTests.ClientFor(server).AnalyzeSentimentAsync(new ClientText(Secret), "en", TestContext.Current.CancellationToken));

        Assert.Equal("UnreadableBody", ex.ErrorCode);
        Assert.DoesNotContain("Maria", ex.ToString(), StringComparison.Ordinal);
    }
}
