using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using PeerBot.Conversations;
using PeerBot.Language;
using Xunit;

namespace PeerBot.Tests.Language;

public sealed class LanguageClientSentimentTests
{
    private const string Key = "test-key-123";

    internal static LanguageClient ClientFor(LoopbackLanguageServer server)
    {
        var options = new LanguageClientOptions();
        options.Retry.MaxRetries = 0;
        return new LanguageClient(server.Endpoint, new AzureKeyCredential(Key), options);
    }

    internal static IEnumerable<string> ParameterNames(JsonObject body) =>
        body["parameters"]!.AsObject().Select(p => p.Key);

    [Fact]
    public async Task AnalyzeSentiment_SpecExample_SendsTheFixtureRequestOnTheContractPath()
    {
        var (fixtureRequest, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2023-04-01/SuccessfulSentimentAnalysisRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();
        var text = fixtureRequest["analysisInput"]!["documents"]![0]!["text"]!.GetValue<string>();

        await ClientFor(server).AnalyzeSentimentAsync(new ClientText(text), "en", TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2024-11-01", request.Query["api-version"]);
        Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));

        var sent = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(fixtureRequest["kind"]!.GetValue<string>(), sent["kind"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(fixtureRequest["analysisInput"], sent["analysisInput"]));
        Assert.Equal(fixtureRequest["parameters"]!["modelVersion"]!.GetValue<string>(), sent["parameters"]!["modelVersion"]!.GetValue<string>());
        // Our additions to the example's parameters, each part of the 2024-11-01 SentimentAnalysis contract.
        Assert.Equal(
            ParameterNames(fixtureRequest).Concat(["opinionMining", "stringIndexType", "loggingOptOut"]).Order(),
            ParameterNames(sent).Order());
        Assert.Equal(JsonValueKind.True, sent["parameters"]!["opinionMining"]!.GetValueKind());
        Assert.Equal("Utf16CodeUnit", sent["parameters"]!["stringIndexType"]!.GetValue<string>());
        Assert.True(sent["parameters"]!["loggingOptOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnalyzeSentiment_SpecExample_ParsesSentencesTargetsAndAssessments()
    {
        var (_, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2023-04-01/SuccessfulSentimentAnalysisRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();

        var result = await ClientFor(server).AnalyzeSentimentAsync(new ClientText("Great atmosphere."), "en", TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var document = result.Value!;
        Assert.Equal(TextSentiment.Positive, document.Sentiment);
        Assert.Equal(new SentimentScores(1, 0, 0), document.Scores);
        // The third input sentence has no sentence result upstream: two sentences, not three.
        Assert.Equal(2, document.Sentences.Count);

        var first = document.Sentences[0];
        Assert.Equal("Great atmosphere.", first.Text.Value);
        var atmosphere = Assert.Single(first.Targets);
        Assert.Equal(("atmosphere", 6, 10), (atmosphere.Text.Value, atmosphere.Offset, atmosphere.Length));
        var great = Assert.Single(atmosphere.Assessments);
        Assert.Same(first.Assessments[0], great);
        Assert.Equal("great", great.Text.Value);   // lowercase upstream, kept as sent
        Assert.False(great.IsNegated);

        var second = document.Sentences[1];
        Assert.Equal(TextSentiment.Neutral, second.Sentiment);
        Assert.Equal(new SentimentScores(0.13, 0.86, 0.01), second.Scores);
        Assert.Equal((18, 52), (second.Offset, second.Length));
        Assert.Equal(["restaurants", "hotels"], second.Targets.Select(t => t.Text.Value));
        Assert.All(second.Targets, t => Assert.Equal("Close to plenty", Assert.Single(t.Assessments).Text.Value));
        Assert.Equal(new SentimentScores(0.99, 0, 0.01), second.Targets[0].Scores);
    }

    [Fact]
    public async Task AnalyzeSentiment_DocsOpinionMiningExample_SendsBooleanAndParsesMixed()
    {
        var fixtureRequest = LanguageFixtures.Load("ms-docs/SentimentAnalysis.opinionMining.request.json").AsObject();
        var fixtureResponse = LanguageFixtures.Load("ms-docs/SentimentAnalysis.opinionMining.response.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();
        var text = fixtureRequest["analysisInput"]!["documents"]![0]!["text"]!.GetValue<string>();

        var result = await ClientFor(server).AnalyzeSentimentAsync(new ClientText(text), "en", TestContext.Current.CancellationToken);

        var sent = JsonNode.Parse(Assert.Single(server.Requests).Body)!.AsObject();
        Assert.True(JsonNode.DeepEquals(fixtureRequest["analysisInput"], sent["analysisInput"]));
        // The docs send the string "True"; the schema type is boolean, and so is ours.
        Assert.Equal(JsonValueKind.String, fixtureRequest["parameters"]!["opinionMining"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, sent["parameters"]!["opinionMining"]!.GetValueKind());

        var document = result.Value!;
        Assert.Equal(TextSentiment.Mixed, document.Sentiment);
        Assert.Equal(0.52, document.Scores.Negative);
        Assert.Equal(0.47, document.Scores.Positive);
        var negative = document.Sentences[0];
        Assert.Equal(TextSentiment.Negative, negative.Sentiment);
        Assert.Equal(["food", "service"], negative.Targets.Select(t => t.Text.Value));
        Assert.All(negative.Targets, t => Assert.Equal("unacceptable", Assert.Single(t.Assessments).Text.Value));
        var concierge = Assert.Single(document.Sentences[1].Targets);
        Assert.Equal(TextSentiment.Positive, Assert.Single(concierge.Assessments).Sentiment);
        // This example's offsets agree with its text, so they must slice to the target words.
        Assert.All(document.Sentences.SelectMany(s => s.Targets),
            t => Assert.Equal(t.Text.Value, text.Substring(t.Offset, t.Length)));
    }

    [Theory]
    [InlineData("es-US", "es")]
    [InlineData("en", "en")]
    [InlineData("", "en")]
    [InlineData("pt_BR", "pt")]
    public async Task AnalyzeSentiment_Locale_SendsLanguageCode(string locale, string expected)
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = """{"kind":"SentimentAnalysisResults","results":{"documents":[],"errors":[],"modelVersion":"x"}}""";

        await ClientFor(server).AnalyzeSentimentAsync(new ClientText("hola"), locale, TestContext.Current.CancellationToken);

        var sent = JsonNode.Parse(Assert.Single(server.Requests).Body)!;
        Assert.Equal(expected, sent["analysisInput"]!["documents"]![0]!["language"]!.GetValue<string>());
    }
}
