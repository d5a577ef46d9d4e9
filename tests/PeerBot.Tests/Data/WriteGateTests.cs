using PeerBot.Data;
using Xunit;

namespace PeerBot.Tests.Data;

/// <summary>SQLite's in-process writer queue: one write at a time, urgent writes (a crisis commit) first.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Exit_UrgentWaiting_GoesBeforeEarlierRoutineWrites()
    {
        var gate = new WriteGate();
        await gate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
        var order = new List<string>();
        var first = Track(gate.EnterAsync(urgent: false, CancellationToken.None), "routine 1", order);
        var second = Track(gate.EnterAsync(urgent: false, CancellationToken.None), "routine 2", order);
        var crisis = Track(gate.EnterAsync(urgent: true, CancellationToken.None), "crisis", order);
        Assert.Equal(3, gate.Waiting);

        gate.Exit();
        await crisis;
        Assert.False(first.IsCompleted);
        gate.Exit();
        await first;
        Assert.False(second.IsCompleted);
        gate.Exit();
        await second;
        gate.Exit();

        Assert.Equal(["crisis", "routine 1", "routine 2"], order);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Exit_WaiterWasCancelled_SkipsItAndHandsTheGateOn()
    {
        var gate = new WriteGate();
        await gate.EnterAsync(urgent: false, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(urgent: true, cancel.Token);
        var next = gate.EnterAsync(urgent: false, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Exit();
        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        gate.Exit();

        // Free again: the next writer enters at once.
        Assert.True(gate.EnterAsync(urgent: false, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task EnterAsync_ManyWriters_NeverTwoInside()
    {
        var gate = new WriteGate();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await gate.EnterAsync(urgent: i % 7 == 0, CancellationToken.None);
            try
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
            finally
            {
                gate.Exit();
            }
        })));
        Assert.Equal(1, most);
        Assert.Equal(0, gate.Waiting);
    }

    private static async Task Track(Task entered, string name, List<string> order)
    {
        await entered;
        lock (order)
            order.Add(name);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
