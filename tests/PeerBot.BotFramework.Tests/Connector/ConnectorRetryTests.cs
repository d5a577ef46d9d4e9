using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

public sealed class ConnectorRetryTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Send_TransientStatusWithRetryAfter_WaitsExactlyThatLongThenSucceeds(int status)
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = FakeConnector.FailingFirst(FakeConnector.Status(status, retryAfter: "2"));

        var send = f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);
        var due = await f.Clock.NextTimerAsync();
        var requestsWhileWaiting = f.Connector.Requests.Count;
        f.Clock.Advance(due);
        var response = await send;

        Assert.Equal(TimeSpan.FromSeconds(2), due);
        Assert.Equal(1, requestsWhileWaiting);
        Assert.Equal("new-2", response.Id);
        Assert.Equal(2, f.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_TransientWithoutRetryAfter_BacksOffExponentiallyWithJitter()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = FakeConnector.FailingFirst(
            FakeConnector.Status(503), FakeConnector.Status(503), FakeConnector.Status(503));

        var send = f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);
        var waits = await ClockPump.RunAsync(f.Clock, send);

        Assert.Equal("new-4", (await send).Id);
        Assert.Equal(3, waits.Count);
        Assert.InRange(waits[0].TotalSeconds, 0.8, 1.2);
        Assert.InRange(waits[1].TotalSeconds, 1.6, 2.4);
        Assert.InRange(waits[2].TotalSeconds, 3.2, 4.8);
    }

    [Fact]
    public async Task Send_BadRequest_NotRetriedAndTypedFailureWithoutMessageText()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = FakeConnector.Status(400, """{"error":{"code":"BadArgument","message":"echo of private words"}}""");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("private words"), CancellationToken.None));

        Assert.Single(f.Connector.Requests);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("BadArgument", ex.ErrorCode);
        Assert.Equal(1, ex.Attempts);
        Assert.DoesNotContain("private", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Send_UserBlockedBot_SurfacesSubCode()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = FakeConnector.Status(403, """{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"blocked"}}""");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("Forbidden", ex.ErrorCode);
        Assert.Equal("MessageWritesBlocked", ex.ErrorSubCode);
    }

    [Fact]
    public async Task Send_TransientEveryTime_FailsAfterMaxRetries()
    {
        await using var f = await ConnectorFixture.StartAsync(settings: new() { ["ConnectorMaxRetries"] = "2" });
        f.Connector.Respond = FakeConnector.Status(503);

        var send = f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);
        var waits = await ClockPump.RunAsync(f.Clock, send);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => send);

        Assert.Equal(2, waits.Count);
        Assert.Equal(3, f.Connector.Requests.Count);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, ex.Attempts);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondLimit_FailsWithoutWaiting()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Connector.Respond = FakeConnector.Status(429, retryAfter: "3600");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            f.Client.SendAsync(f.Connector.ServiceUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.Single(f.Connector.Requests);
    }

    [Fact]
    public async Task Send_ConnectorUnreachable_RetriesThenNetworkError()
    {
        await using var f = await ConnectorFixture.StartAsync(settings: new() { ["ConnectorMaxRetries"] = "1" });
        var deadUrl = f.Connector.ServiceUrl;
        await f.Connector.Server.DisposeAsync();

        var send = f.Client.SendAsync(deadUrl, "c1", null, ConnectorClientTests.Message("hi"), CancellationToken.None);
        var waits = await ClockPump.RunAsync(f.Clock, send);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => send);

        Assert.Single(waits);
        Assert.Null(ex.StatusCode);
        Assert.Equal("NetworkError", ex.ErrorCode);
    }
}
