using PeerBot.Conversations;
using Xunit;

namespace PeerBot.Tests.Conversations;

/// <summary>The de-duplication record's stored form (<see cref="DeliveryLog"/>): the window and the bound.</summary>
public sealed class DeliveryLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);

    private static string Hash(int i) => ConversationKeys.ActivityHash("msteams", "conversation", "activity-" + i);

    [Fact]
    public void Flood_KeepsTheNewestDeliveriesUpToTheBound()
    {
        string? stored = null;
        for (var i = 0; i < DeliveryLog.MaxKept + 50; i++)
            stored = DeliveryLog.Add(stored, Hash(i), Now.AddMilliseconds(i), Now.AddMinutes(-10));

        Assert.Equal(DeliveryLog.MaxKept, stored!.Split('\n').Length);
        Assert.True(DeliveryLog.Seen(stored, Hash(DeliveryLog.MaxKept + 49), Now.AddMinutes(-10)));
        Assert.True(DeliveryLog.Seen(stored, Hash(50), Now.AddMinutes(-10)));
        Assert.False(DeliveryLog.Seen(stored, Hash(49), Now.AddMinutes(-10)));
    }

    [Fact]
    public void Seen_OnlyWithinTheWindow_AndOnlyThatActivity()
    {
        var stored = DeliveryLog.Add(null, Hash(1), Now, Now.AddMinutes(-10));

        Assert.True(DeliveryLog.Seen(stored, Hash(1), Now.AddMinutes(-10)));
        Assert.False(DeliveryLog.Seen(stored, Hash(2), Now.AddMinutes(-10)));
        Assert.False(DeliveryLog.Seen(stored, Hash(1), Now.AddMilliseconds(1))); // delivered before the window began
        Assert.False(DeliveryLog.Seen(null, Hash(1), Now.AddMinutes(-10)));
    }
}
