using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

public sealed class ConnectorTokenTests
{
    [Fact]
    public async Task Send_UnverifiedServiceUrl_SendsNoToken()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);

        await f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);

        Assert.Null(Assert.Single(f.Connector.Requests).Authorization);
        Assert.Equal(0, f.Login!.TokenRequests);
    }

    [Fact]
    public async Task Send_VerifiedServiceUrl_SendsBearerToken()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);
        f.Trusted.Trust(f.Connector.ServiceUrl);

        await f.Client.SendAsync(f.Connector.ServiceUrl.TrimEnd('/'), "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);

        Assert.Equal("Bearer token-botframework.com-1", Assert.Single(f.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_SiblingOfVerifiedServiceUrl_SendsNoToken()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);
        f.Trusted.Trust(f.Connector.ServiceUrl + "amer/");

        await f.Client.SendAsync(f.Connector.ServiceUrl + "amer/", "c1", null, ConnectorClientTests.Message("a"), CancellationToken.None);
        await f.Client.SendAsync(f.Connector.ServiceUrl + "emea/", "c1", null, ConnectorClientTests.Message("b"), CancellationToken.None);

        Assert.Equal("Bearer token-botframework.com-1", f.Connector.Requests[0].Authorization);
        Assert.Null(f.Connector.Requests[1].Authorization);
    }

    [Fact]
    public async Task Send_ServiceUrlUnderConfiguredPrefix_SendsBearerToken()
    {
        var connector = await FakeConnector.StartAsync();
        await using var _ = connector;
        await using var f = await ConnectorFixture.StartAsync(authenticated: true,
            settings: new() { ["TrustedServiceUrls:0"] = connector.ServiceUrl });

        await f.Client.SendAsync(connector.ServiceUrl + "amer/tenant/", "c1", null, ConnectorClientTests.Message("a"), CancellationToken.None);

        Assert.Equal("Bearer token-botframework.com-1", Assert.Single(connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_AnonymousModeEvenIfTrusted_SendsNoToken()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Trusted.Trust(f.Connector.ServiceUrl);

        await f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);

        Assert.Null(Assert.Single(f.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_Rejected401_RenewsTokenOnceAndRetries()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);
        f.Trusted.Trust(f.Connector.ServiceUrl);
        f.Connector.Respond = FakeConnector.FailingFirst(FakeConnector.Status(401));

        var response = await f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);

        Assert.Equal("new-2", response.Id);
        Assert.Equal(["Bearer token-botframework.com-1", "Bearer token-botframework.com-2"],
            f.Connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Send_Rejected401Twice_FailsWith401()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);
        f.Trusted.Trust(f.Connector.ServiceUrl);
        f.Connector.Respond = FakeConnector.Status(401);

        var ex = await Assert.ThrowsAsync<PeerBot.BotFramework.Connector.ConnectorException>(() =>
            f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(2, f.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_TokenServiceDown_FailsTypedWithoutSending()
    {
        await using var f = await ConnectorFixture.StartAsync(authenticated: true);
        f.Trusted.Trust(f.Connector.ServiceUrl);
        await f.Login!.Server.DisposeAsync();

        var ex = await Assert.ThrowsAsync<PeerBot.BotFramework.Connector.ConnectorException>(() =>
            f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None));

        Assert.Equal("TokenUnavailable", ex.ErrorCode);
        Assert.Empty(f.Connector.Requests);
    }
}
