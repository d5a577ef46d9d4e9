using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;
using PeerBot.Language;
using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Language;

public sealed class AzureSentimentSourceTests
{
    private static AzureSentimentSource SourceFor(LoopbackLanguageServer server) =>
        new(LanguageClientSentimentTests.ClientFor(server), NullLogger<AzureSentimentSource>.Instance);

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAzureLanguage(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task ReadAsync_MixedDocument_ReturnsLabelAndNegativeScore()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = LanguageFixtures.Load("ms-docs/SentimentAnalysis.opinionMining.response.json").ToJsonString();

        var reading = await SourceFor(server).ReadAsync(new ClientText("The food was unacceptable."), "en-US", TestContext.Current.CancellationToken);

        Assert.Equal(new SentimentReading("mixed", 0.52), reading);
    }

    [Fact]
    public async Task ReadAsync_ServerError_ReturnsNull()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.Status = 500;
        server.ResponseBody = """{"error":{"code":"InternalServerError","message":"x"}}""";

        Assert.Null(await SourceFor(server).ReadAsync(new ClientText("hello"), "en", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_Failures_LogCodesButNeverTheClientText()
    {
        const string words = "Maria said I should call 555-0100";
        await using var server = await LoopbackLanguageServer.StartAsync();
        var logger = new CapturingLogger<AzureSentimentSource>();
        var source = new AzureSentimentSource(LanguageClientSentimentTests.ClientFor(server), logger);

        server.Status = 400;
        server.ResponseBody = $$$"""{"error":{"code":"InvalidArgument","message":"Bad document: {{{words}}}"}}""";
        Assert.Null(await source.ReadAsync(new ClientText(words), "en", TestContext.Current.CancellationToken));
        server.Status = 200;
        server.ResponseBody = """{"kind":"SentimentAnalysisResults","results":{"documents":[],"errors":[{"id":"1","error":{"code":"InvalidArgument","innererror":{"code":"InvalidDocument"}}}],"modelVersion":"x"}}""";
        Assert.Null(await source.ReadAsync(new ClientText(words), "en", TestContext.Current.CancellationToken));

        Assert.Equal([6001, 6002], logger.Records.Select(r => r.Id.Id));
        Assert.Contains("InvalidDocument", logger.Records.Last().Text, StringComparison.Ordinal);
        Assert.All(logger.Records, r =>
        {
            Assert.DoesNotContain("Maria", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("555-0100", r.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReadAsync_DocumentError_ReturnsNull()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = """{"kind":"SentimentAnalysisResults","results":{"documents":[],"errors":[{"id":"1","error":{"code":"InvalidArgument"}}],"modelVersion":"x"}}""";

        Assert.Null(await SourceFor(server).ReadAsync(new ClientText("hello"), "en", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_ServiceUnreachable_ReturnsNull()
    {
        var server = await LoopbackLanguageServer.StartAsync();
        var source = SourceFor(server);
        await server.DisposeAsync();   // nothing listens on that port any more

        Assert.Null(await source.ReadAsync(new ClientText("hello"), "en", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_EmptyText_DoesNotCallTheService()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();

        Assert.Null(await SourceFor(server).ReadAsync(ClientText.Empty, "en", TestContext.Current.CancellationToken));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void AddAzureLanguage_NoEndpoint_RegistersNothing()
    {
        using var provider = Provider(new() { ["PeerBot:AzureLanguage:Key"] = "k" });

        Assert.Null(provider.GetService<ISentimentSource>());
        Assert.Null(provider.GetService<LanguageClient>());
    }

    [Fact]
    public async Task AddAzureLanguage_EndpointAndKey_SentimentSourceCallsTheServiceWithTheKey()
    {
        await using var server = await LoopbackLanguageServer.StartAsync();
        server.ResponseBody = LanguageFixtures.Load("ms-docs/SentimentAnalysis.opinionMining.response.json").ToJsonString();
        using var provider = Provider(new()
        {
            ["PeerBot:AzureLanguage:Endpoint"] = server.Endpoint.ToString(),
            ["PeerBot:AzureLanguage:Key"] = "configured-key",
        });

        var reading = await provider.GetRequiredService<ISentimentSource>()
            .ReadAsync(new ClientText("The food was unacceptable."), "en", TestContext.Current.CancellationToken);

        Assert.Equal("mixed", reading?.Label);
        Assert.Equal("configured-key", Assert.Single(server.Requests).Headers["Ocp-Apim-Subscription-Key"]);
    }

    [Fact]
    public void AddAzureLanguage_PlainHttpRemoteEndpoint_FailsValidation()
    {
        using var provider = Provider(new()
        {
            ["PeerBot:AzureLanguage:Endpoint"] = "http://language.example.com",
            ["PeerBot:AzureLanguage:Key"] = "k",
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LanguageClient>());
    }

    [Fact]
    public void AddAzureLanguage_NoKeyAndNoTokenCredential_ExplainsWhatIsMissing()
    {
        using var provider = Provider(new() { ["PeerBot:AzureLanguage:Endpoint"] = "https://x.cognitiveservices.azure.com" });

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LanguageClient>());
        Assert.Contains(nameof(TokenCredential), ex.Message, StringComparison.Ordinal);
    }
}
