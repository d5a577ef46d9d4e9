using System.Threading.Channels;

namespace PeerBot.Handoff;

/// <summary>
/// Alerts waiting to be sent by <see cref="HandoffAlertWorker"/>: Teams posts and SMS pages take network round
/// trips, so they run beside the turn, never in it. In memory: an alert lost to a restart is covered by the SLA
/// timers, which re-notify from the database.
/// </summary>
public sealed class HandoffAlertQueue
{
    private readonly Channel<(Guid HandoffId, AlertKind Kind)> _channel =
        Channel.CreateUnbounded<(Guid HandoffId, AlertKind Kind)>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(Guid handoffId, AlertKind kind) => _channel.Writer.TryWrite((handoffId, kind));

    internal ChannelReader<(Guid HandoffId, AlertKind Kind)> Reader => _channel.Reader;
}
