namespace PeerBot.Handoff;

/// <summary>
/// Console events and alerts raised during one unit of work, sent only after it commits (so a console never
/// fetches a row that is not there yet). Scoped: the turn pipeline and the desk call <see cref="FlushAsync"/>.
/// </summary>
public sealed class HandoffNotices(HandoffEvents events, HandoffNotifier notifier)
{
    private readonly List<ConsoleEvent> _events = [];
    private readonly List<(Guid HandoffId, AlertKind Kind)> _alerts = [];

    public void Add(ConsoleEvent consoleEvent) => _events.Add(consoleEvent);

    public void Alert(Guid handoffId, AlertKind kind) => _alerts.Add((handoffId, kind));

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var pending = _events.ToList();
        var alerts = _alerts.ToList();
        _events.Clear();
        _alerts.Clear();
        foreach (var consoleEvent in pending)
            events.Publish(consoleEvent);
        foreach (var (handoffId, kind) in alerts)
            await notifier.AlertAsync(handoffId, kind, cancellationToken);
    }
}
