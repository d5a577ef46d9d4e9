using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

public sealed class ConnectorOrderingTests
{
    [Fact]
    public async Task Send_ManyConcurrentToOneConversation_ArriveInCallOrderOneAtATime()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var inFlight = 0;
        var maxInFlight = 0;
        f.Connector.Respond = async (context, number) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(number % 3 == 1 ? 30 : 1); // some slow answers tempt later sends to overtake
            Interlocked.Decrement(ref inFlight);
            await FakeConnector.Ok(context, number);
        };

        var sends = Enumerable.Range(0, 20)
            .Select(i => f.Client.SendAsync(f.Connector.ServiceUrl, "conv-1", null, ConnectorClientTests.Message($"m{i}"), CancellationToken.None))
            .ToList();
        await Task.WhenAll(sends);

        var texts = f.Connector.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), texts);
        Assert.Equal(1, maxInFlight);
        Assert.Equal(0, f.Host.Get<PeerBot.BotFramework.Connector.ConnectorPipeline>().Queue.ActiveConversations);
    }

    [Fact]
    public async Task Send_SlowConversation_DoesNotBlockAnother()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Connector.Respond = async (context, number) =>
        {
            if (context.Request.Path.Value!.Contains("/slow/", StringComparison.Ordinal))
                await releaseSlow.Task;
            await FakeConnector.Ok(context, number);
        };

        var slow = f.Client.SendAsync(f.Connector.ServiceUrl, "slow", null, ConnectorClientTests.Message("a"), CancellationToken.None);
        var fast = await f.Client.SendAsync(f.Connector.ServiceUrl, "fast", null, ConnectorClientTests.Message("b"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(slow.IsCompleted);
        releaseSlow.SetResult();
        await slow;
        Assert.NotNull(fast.Id);
    }

    [Fact]
    public async Task Send_WaitingSendCancelled_LaterSendStillWaitsForEarlierOne()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Connector.Respond = async (context, number) =>
        {
            if (number == 1)
            {
                firstArrived.SetResult();
                await releaseFirst.Task;
            }
            await FakeConnector.Ok(context, number);
        };
        using var cancel = new CancellationTokenSource();

        var first = f.Client.SendAsync(f.Connector.ServiceUrl, "c", null, ConnectorClientTests.Message("first"), CancellationToken.None);
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = f.Client.SendAsync(f.Connector.ServiceUrl, "c", null, ConnectorClientTests.Message("second"), cancel.Token);
        var third = f.Client.SendAsync(f.Connector.ServiceUrl, "c", null, ConnectorClientTests.Message("third"), CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var requestsBeforeRelease = f.Connector.Requests.Count;
        releaseFirst.SetResult();
        await Task.WhenAll(first, third);

        Assert.Equal(1, requestsBeforeRelease);
        Assert.Equal(2, f.Connector.Requests.Count);
        Assert.Equal(0, f.Host.Get<PeerBot.BotFramework.Connector.ConnectorPipeline>().Queue.ActiveConversations);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
