using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using PeerBot.Conversations;
using PeerBot.Language;
using Xunit;

namespace PeerBot.Tests.Language;

public sealed class LanguageClientTokenTests
{
    /// <summary>Stands in for Entra ID (the network edge): hands out a fixed token and records the scopes asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentQueue<string[]> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Enqueue(requestContext.Scopes);
            return new AccessToken("entra-token-1", TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task AnalyzeSentiment_TokenCredential_SendsBearerTokenForTheCognitiveServicesScope()
    {
        using var certificate = LoopbackLanguageServer.CreateCertificate();
        await using var server = await LoopbackLanguageServer.StartAsync(certificate);
        server.ResponseBody = LanguageFixtures.Load("ms-docs/SentimentAnalysis.opinionMining.response.json").ToJsonString();
        var credential = new RecordingCredential();
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        var client = new LanguageClient(server.Endpoint, credential, options);

        var result = await client.AnalyzeSentimentAsync(new ClientText("The food was unacceptable."), "en", TestContext.Current.CancellationToken);

        Assert.Equal(TextSentiment.Mixed, result.Value?.Sentiment);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer entra-token-1", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey(LanguageClient.KeyHeader));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], Assert.Single(credential.Scopes));
    }
}
