namespace PeerBot.Tests.Testing;

/// <summary>Waits for a condition that background work makes true (bounded: fails after 10 s).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string? because = null)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(25);
        }
        Xunit.Assert.Fail("Condition not met within 10 s" + (because is null ? "." : ": " + because));
    }
}
