using PeerBot.Conversations;
using Xunit;

namespace PeerBot.Tests.Conversations;

/// <summary>Work that can wait stands aside while turns may still be raising a crisis, but never for long.</summary>
public sealed class CrisisFirstTests
{
    [Fact]
    public async Task IdleAsync_TurnsAhead_CompletesWhenTheLastLeaves()
    {
        var lane = new CrisisFirst();
        using var first = lane.Enter();
        using var second = lane.Enter();
        var idle = lane.IdleAsync(TestContext.Current.CancellationToken);

        first.Leave();
        first.Leave(); // leaving twice is leaving once
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(idle.IsCompleted);
        Assert.Equal(1, lane.Ahead);

        second.Dispose();
        await idle.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(0, lane.Ahead);
    }

    [Fact]
    public void IdleAsync_NoTurnAhead_CompletesAtOnce()
    {
        var lane = new CrisisFirst();
        using (lane.Enter())
        {
        }
        Assert.True(lane.IdleAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task IdleAsync_TurnNeverLeaves_GoesOnAfterTheLimit()
    {
        var lane = new CrisisFirst();
        using var stuck = lane.Enter();
        var started = TimeProvider.System.GetTimestamp();

        await lane.IdleAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= CrisisFirst.AtMost - TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, lane.Ahead);
    }
}
