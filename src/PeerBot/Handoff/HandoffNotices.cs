using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Console events and alerts raised during one unit of work, sent only after it commits (so a console never
/// fetches a row that is not there yet) and as soon as it commits: the scope's <see cref="PeerBotDb"/> announces
/// each successful save (<see cref="PeerBotDb.Committed"/>, after SQLite's writer is free), and what was raised before it goes out then — a crisis reaches the consoles at the commit
/// that opened the handoff, before the reply is sent and the rest of the turn runs. Alerts (Teams, SMS pages and
/// their records) are handed to <see cref="HandoffAlertQueue"/> and never wait in the turn. Scoped; the turn
/// pipeline and the desk also call <see cref="FlushAsync"/> for anything raised after their last save.
/// </summary>
public sealed class HandoffNotices : IDisposable
{
    private readonly HandoffEvents _events;
    private readonly HandoffAlertQueue _alerts;
    private readonly List<ConsoleEvent> _pendingEvents = [];
    private readonly List<(Guid HandoffId, AlertKind Kind)> _pendingAlerts = [];
    private readonly PeerBotDb _db;

    public HandoffNotices(PeerBotDb db, HandoffEvents events, HandoffAlertQueue alerts)
    {
        ArgumentNullException.ThrowIfNull(db);
        _events = events;
        _alerts = alerts;
        _db = db;
        db.Committed += OnCommitted;
    }

    /// <summary>Contexts are pooled: the subscription must not outlive this scope.</summary>
    public void Dispose() => _db.Committed -= OnCommitted;

    private void OnCommitted(object? sender, EventArgs e) => Send();

    public void Add(ConsoleEvent consoleEvent) => _pendingEvents.Add(consoleEvent);

    public void Alert(Guid handoffId, AlertKind kind) => _pendingAlerts.Add((handoffId, kind));

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Send();
        return Task.CompletedTask;
    }

    private void Send()
    {
        if (_pendingEvents.Count == 0 && _pendingAlerts.Count == 0)
            return;
        var events = _pendingEvents.ToList();
        var alerts = _pendingAlerts.ToList();
        _pendingEvents.Clear();
        _pendingAlerts.Clear();
        foreach (var consoleEvent in events)
            _events.Publish(consoleEvent);
        foreach (var (handoffId, kind) in alerts)
            _alerts.Enqueue(handoffId, kind);
    }
}
