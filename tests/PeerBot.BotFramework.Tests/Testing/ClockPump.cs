namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>Drives a task that waits on a <see cref="ManualTimeProvider"/>: fires each timer it creates until it ends.</summary>
internal static class ClockPump
{
    /// <summary>Runs <paramref name="task"/> to completion; returns the due times of the timers it waited on.</summary>
    public static async Task<List<TimeSpan>> RunAsync(ManualTimeProvider clock, Task task)
    {
        List<TimeSpan> waits = [];
        while (true)
        {
            var next = clock.NextTimerAsync();
            if (await Task.WhenAny(task, next) == task)
            {
                await task.ContinueWith(_ => { }, TaskScheduler.Default); // observed by the caller
                return waits;
            }
            var due = await next;
            waits.Add(due);
            clock.Advance(due);
        }
    }
}
