using PeerBot.Handoff;
using Xunit;

namespace PeerBot.Tests.Handoff;

public sealed class HandoffEventsTests
{
    [Fact]
    public void Publish_PeerScopedEvent_ReachesThatPeerAndCoordinatorsOnly()
    {
        var events = new HandoffEvents();
        using var sam = events.Subscribe("pr_sam", "Sam", coordinator: false);
        using var alex = events.Subscribe("pr_alex", "Alex", coordinator: false);
        using var jordan = events.Subscribe("pr_jordan", "Jordan", coordinator: true);
        var id = Guid.NewGuid();

        events.Publish(new ConsoleEvent(ConsoleEvent.Message, id, "pr_sam"));
        events.Publish(new ConsoleEvent(ConsoleEvent.Escalation, id) { CoordinatorsOnly = true });
        events.Publish(new ConsoleEvent(ConsoleEvent.Queue, id));

        Assert.Equal([ConsoleEvent.Message, ConsoleEvent.Queue], Drain(sam));
        Assert.Equal([ConsoleEvent.Queue], Drain(alex));
        Assert.Equal([ConsoleEvent.Message, ConsoleEvent.Escalation, ConsoleEvent.Queue], Drain(jordan));
    }

    [Fact]
    public void Online_CountsOpenStreams_UntilDisposed()
    {
        var events = new HandoffEvents();
        var first = events.Subscribe("pr_sam", "Sam", coordinator: false);
        using var second = events.Subscribe("pr_sam", "Sam", coordinator: false);
        using var coordinator = events.Subscribe("pr_jordan", "Jordan", coordinator: true);

        Assert.Equal(2, events.Online().Count);
        first.Dispose();
        Assert.True(events.Online().ContainsKey("pr_sam"));
        Assert.Equal(1, events.OnlineCoordinators());
    }

    private static List<string> Drain(HandoffEvents.Subscription subscription)
    {
        var types = new List<string>();
        while (subscription.Reader.TryRead(out var consoleEvent))
            types.Add(consoleEvent.Type);
        return types;
    }
}
