using System.Text.Json.Nodes;
using PeerBot.Conversations;
using PeerBot.Language;
using Xunit;

namespace PeerBot.Tests.Language;

public sealed class LanguageClientPiiTests
{
    private static List<ClientText> Texts(JsonObject fixtureRequest) =>
        fixtureRequest["analysisInput"]!["documents"]!.AsArray()
            .Select(d => new ClientText(d!["text"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task RecognizePii_RedactionExample_SendsRedactionCharacterAndParsesEntities()
    {
        var (fixtureRequest, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2024-11-01/SuccessfulPiiEntityRecognitionRedactionRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();
        var texts = Texts(fixtureRequest);

        var results = await LanguageClientSentimentTests.ClientFor(server).RecognizePiiAsync(
            texts, "en", new PiiOptions { RedactionCharacter = '-' }, TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2024-11-01", request.Query["api-version"]);
        var sent = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("PiiEntityRecognition", sent["kind"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(fixtureRequest["analysisInput"], sent["analysisInput"]));
        Assert.Equal("-", sent["parameters"]!["redactionCharacter"]!.GetValue<string>());
        Assert.Equal("latest", sent["parameters"]!["modelVersion"]!.GetValue<string>());
        Assert.Equal(
            LanguageClientSentimentTests.ParameterNames(fixtureRequest).Concat(["stringIndexType", "loggingOptOut"]).Order(),
            LanguageClientSentimentTests.ParameterNames(sent).Order());

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal("My SSN is -----------", results[0].Value!.RedactedText.Value);
        var ssn = Assert.Single(results[0].Value!.Entities);
        // Upstream reports offset 28 for this SSN (really 10), so its offset is not asserted.
        Assert.Equal(("USSocialSecurityNumber", 11, 0.65, "859-98-0987"), (ssn.Category, ssn.Length, ssn.ConfidenceScore, ssn.Text.Value));
        var aba = Assert.Single(results[1].Value!.Entities);
        Assert.Equal(("ABARoutingNumber", 0.75), (aba.Category, aba.ConfidenceScore));
        Assert.Equal(aba.Text.Value, texts[1].Value.Substring(aba.Offset, aba.Length));
        var cpf = Assert.Single(results[2].Value!.Entities);
        Assert.Equal("BRCPFNumber", cpf.Category);
        Assert.Equal(cpf.Text.Value, texts[2].Value.Substring(cpf.Offset, cpf.Length));
        Assert.Equal("Is -------------- your Brazilian CPF number?", results[2].Value!.RedactedText.Value);
    }

    [Fact]
    public async Task RecognizePii_ExclusionExample_SendsExclusionAndReportsTheOmittedDocument()
    {
        var (fixtureRequest, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2024-11-01/SuccessfulPiiEntityRecognitionExclusionRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();

        var results = await LanguageClientSentimentTests.ClientFor(server).RecognizePiiAsync(
            Texts(fixtureRequest), "en", new PiiOptions { ExcludeCategories = ["USSocialSecurityNumber"] },
            TestContext.Current.CancellationToken);

        var sent = JsonNode.Parse(Assert.Single(server.Requests).Body)!.AsObject();
        Assert.True(JsonNode.DeepEquals(fixtureRequest["parameters"]!["excludePiiCategories"], sent["parameters"]!["excludePiiCategories"]));
        Assert.True(JsonNode.DeepEquals(fixtureRequest["analysisInput"], sent["analysisInput"]));
        // Doc 1 is absent from the example's results: neither success nor a fabricated empty result.
        Assert.Equal(LanguageError.NotReturnedCode, results[0].Error?.Code);
        Assert.Null(results[0].Value);
        Assert.Equal(["2", "3"], results.Skip(1).Select(r => r.Id));
        Assert.All(results.Skip(1), r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public async Task RecognizePii_OlderExample_SendsOurApiVersionAndDefaultMask()
    {
        var (fixtureRequest, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2023-04-01/SuccessfulPiiEntityRecognitionRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();

        var results = await LanguageClientSentimentTests.ClientFor(server).RecognizePiiAsync(
            Texts(fixtureRequest), "en", null, TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("2024-11-01", request.Query["api-version"]);
        var sent = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Null(sent["parameters"]!["redactionCharacter"]);
        Assert.True(JsonNode.DeepEquals(fixtureRequest["analysisInput"], sent["analysisInput"]));
        Assert.Equal("Your ABA number - ********* - is the first 9 digits in the lower left hand corner of your personal check.",
            results[1].Value!.RedactedText.Value);
    }

    [Fact]
    public async Task Redact_Text_ReturnsRedactedTextAndEntityCount()
    {
        var (_, fixtureResponse) = LanguageFixtures.Example("rest-api-specs/2023-04-01/SuccessfulPiiEntityRecognitionRequest.json");
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = fixtureResponse.ToJsonString();

        var result = await LanguageClientSentimentTests.ClientFor(server).RedactAsync(
            new ClientText("My SSN is 859-98-0987"), "en", TestContext.Current.CancellationToken);

        Assert.Equal("My SSN is ***********", result.Value!.Text.Value);
        Assert.Equal(1, result.Value.EntityCount);
        Assert.Equal("[client text]", result.Value.Text.ToString());
    }
}
