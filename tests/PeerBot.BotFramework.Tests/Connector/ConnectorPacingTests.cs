using PeerBot.BotFramework.Schema;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

/// <summary>Teams' per-conversation limits (7 per second, 8 per 2 seconds) on a burst of sends.</summary>
public sealed class ConnectorPacingTests
{
    [Fact]
    public async Task Send_TeamsBurstOfNine_SevenAtOnceEighthAfterASecondNinthAfterTwo()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        f.Connector.Respond = async (context, number) =>
        {
            arrivals.Enqueue(started.Elapsed);
            await FakeConnector.Ok(context, number);
        };

        await Task.WhenAll(Enumerable.Range(0, 9)
            .Select(i => f.Client.SendAsync(f.Connector.ServiceUrl, "teams-conv", null, Teams($"m{i}"), CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Lower bounds from before the first call (a slow machine can only add time): the first send cannot start
        // before the stopwatch, the 8th not before a second after it and the 9th not before two.
        var times = arrivals.Order().ToArray();
        Assert.Equal(9, times.Length);
        Assert.True(times[7] >= TimeSpan.FromMilliseconds(995), $"8th after {times[7]}");
        Assert.True(times[8] >= TimeSpan.FromMilliseconds(1995), $"9th after {times[8]}");
    }
    [Fact]
    public async Task Send_OtherChannelBurst_NotPaced()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var sends = Enumerable.Range(0, 12)
            .Select(i => f.Client.SendAsync(f.Connector.ServiceUrl, "web-conv", null,
                new Activity { Type = ActivityTypes.Message, Text = $"m{i}", ChannelId = "webchat" }, CancellationToken.None));

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(12, f.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_TeamsTwoConversations_EachHasItsOwnBudget()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var sends = Enumerable.Range(0, 7)
            .SelectMany(i => TwoConversations.Select(conv =>
                f.Client.SendAsync(f.Connector.ServiceUrl, conv, null, Teams($"{conv}{i}"), CancellationToken.None)));

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(14, f.Connector.Requests.Count);
    }

    private static readonly string[] TwoConversations = ["a", "b"];

    private static Activity Teams(string text) => new() { Type = ActivityTypes.Message, Text = text, ChannelId = "msteams" };
}
