using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Console events across replicas on PostgreSQL (DESIGN.md decision 7): every event published here is sent with
/// <c>NOTIFY</c> on <see cref="ChannelName"/>, and a dedicated connection <c>LISTEN</c>s for the other replicas'
/// events and delivers them to this replica's consoles. The payload is the event's ids and kinds only, never client
/// text; a console then reads what it needs from the database through the audited API. The listener reconnects
/// with backoff and, once back, tells local consoles to refresh (they may have missed events meanwhile). On SQLite
/// (one replica) nothing starts and events stay in-process.
/// </summary>
public sealed class PostgresConsoleFanOut(
    IServiceScopeFactory scopes, HandoffEvents events, ILogger<PostgresConsoleFanOut> logger) : BackgroundService
{
    public const string ChannelName = "peerbot_console";

    /// <summary>The listener's application_name in pg_stat_activity.</summary>
    public const string ListenerName = "peerbot-console-listen";

    /// <summary>How often a replica repeats who is online on it (besides at once on every change).</summary>
    public static readonly TimeSpan PresenceInterval = TimeSpan.FromSeconds(10);

    private const string PresenceType = "presence";

    // NOTIFY payloads must stay under 8,000 bytes: a long list of who is online goes in parts.
    private const int AccountsPerPart = 25;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly string _replica = Guid.NewGuid().ToString("N");
    private string? _listenConnectionString;
    private NpgsqlDataSource? _notifySource;
    private NpgsqlConnection? _listener;
    private ChannelReader<ConsoleEvent>? _outbound;
    private long _presenceSequence;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        string? connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
            if (!db.Database.IsNpgsql())
                return;
            connectionString = db.Database.GetConnectionString();
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            return;

        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ListenerName,
            Pooling = false,
            KeepAlive = 15, // notices a dead server on an idle LISTEN connection
        }.ConnectionString;
        _notifySource = NpgsqlDataSource.Create(connectionString);
        _outbound = events.StartFanOut();
        // Listen before the replica takes traffic, so nothing another replica publishes after start-up is missed.
        // If the database cannot be reached now, the loop keeps trying with backoff.
        try
        {
            _listener = await ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (IsConnectionFault(ex))
        {
            HandoffLog.FanOutDisconnected(logger, ex, FirstBackoff.TotalMilliseconds);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        events.StopFanOut();
        await base.StopAsync(cancellationToken);
        if (_notifySource is null)
            return;
        try
        {
            // Tell the other replicas that nobody is online here any more (else they count us until it lapses).
            await AnnounceAsync([], cancellationToken);
        }
        catch (Exception ex) when (IsConnectionFault(ex) || ex is OperationCanceledException)
        {
            HandoffLog.FanOutNotifyFailed(logger, ex, 1, 1);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), NotifyAsync(stoppingToken), PresenceAsync(stoppingToken));

    /// <summary>Announces who is online on this replica: on every change, and every <see cref="PresenceInterval"/>.</summary>
    private async Task PresenceAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = events.PresenceChanged;
            try
            {
                await AnnounceAsync(events.LocalPresence(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (IsConnectionFault(ex))
            {
                HandoffLog.FanOutNotifyFailed(logger, ex, 1, 1); // tried again at the next change or interval
            }
            // Real time on purpose: liveness of replicas, not the business clock.
            await Task.WhenAny(changed, Task.Delay(PresenceInterval, stoppingToken));
        }
    }

    private async Task AnnounceAsync(IReadOnlyList<PresentAccount> accounts, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _presenceSequence);
        var parts = Math.Max(1, (accounts.Count + AccountsPerPart - 1) / AccountsPerPart);
        await NotifyAsync(Enumerable.Range(0, parts).Select(part =>
            JsonSerializer.Serialize(new FanOutMessage(_replica, PresenceType, null, null, null, false)
            {
                Sequence = sequence,
                Part = part,
                Parts = parts,
                Accounts = accounts.Skip(part * AccountsPerPart).Take(AccountsPerPart).ToArray(),
            })), cancellationToken);
    }

    /// <summary>One <c>pg_notify</c> per payload on <see cref="ChannelName"/>, in one round trip.</summary>
    private async Task NotifyAsync(IEnumerable<string> payloads, CancellationToken cancellationToken)
    {
        await using var command = _notifySource!.CreateBatch();
        foreach (var payload in payloads)
        {
            command.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
            {
                Parameters = { new() { Value = ChannelName }, new() { Value = payload } },
            });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_listener is null)
                {
                    _listener = await ConnectAsync(stoppingToken);
                    backoff = FirstBackoff;
                }
                if (lost)
                {
                    // Events sent while this replica was not listening are gone: consoles here reload their lists.
                    lost = false;
                    events.Deliver(new ConsoleEvent(ConsoleEvent.Queue, Detail: "resync"));
                }
                await _listener.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (IsConnectionFault(ex))
            {
                HandoffLog.FanOutDisconnected(logger, ex, backoff.TotalMilliseconds);
                lost = true;
                await DropListenerAsync();
                // Real time on purpose: reconnecting is about the network, not about the (injected) business clock.
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        await DropListenerAsync();
    }

    private async Task NotifyAsync(CancellationToken stoppingToken)
    {
        var reader = _outbound!;
        var batch = new List<ConsoleEvent>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 200 && reader.TryRead(out var consoleEvent))
                    batch.Add(consoleEvent);
                await SendAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SendAsync(List<ConsoleEvent> batch, CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await NotifyAsync(batch.Select(Serialize), stoppingToken);
                return;
            }
            catch (Exception ex) when (IsConnectionFault(ex) && attempt < 3)
            {
                HandoffLog.FanOutNotifyFailed(logger, ex, batch.Count, attempt);
                await Task.Delay(backoff, stoppingToken);
                backoff *= 2;
            }
            catch (Exception ex) when (IsConnectionFault(ex))
            {
                // Console events are hints (consoles read state from the database); after three tries they go.
                HandoffLog.FanOutNotifyFailed(logger, ex, batch.Count, attempt);
                return;
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_listenConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += OnNotification;
            await using var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception)
        {
            await connection.DisposeAsync();
            throw;
        }
        HandoffLog.FanOutListening(logger, ChannelName);
        return connection;
    }

    private async Task DropListenerAsync()
    {
        if (_listener is null)
            return;
        _listener.Notification -= OnNotification;
        await _listener.DisposeAsync();
        _listener = null;
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        FanOutMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<FanOutMessage>(args.Payload);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is null || string.IsNullOrEmpty(message.Type))
        {
            HandoffLog.FanOutBadPayload(logger);
            return;
        }
        if (message.Replica == _replica)
            return; // already delivered here when published
        if (message.Type == PresenceType)
        {
            if (message.Sequence is { } sequence && message.Part is { } part && message.Parts is { } parts)
                events.SetRemotePresence(message.Replica, sequence, part, parts, message.Accounts ?? []);
            return;
        }
        events.Deliver(new ConsoleEvent(message.Type, message.HandoffId, message.PeerId, message.Detail)
        {
            CoordinatorsOnly = message.CoordinatorsOnly,
        });
    }

    private string Serialize(ConsoleEvent e) => JsonSerializer.Serialize(
        new FanOutMessage(_replica, e.Type, e.HandoffId, e.PeerId, e.Detail, e.CoordinatorsOnly));

    private static bool IsConnectionFault(Exception ex) =>
        ex is NpgsqlException or IOException or SocketException or TimeoutException or InvalidOperationException;

    public override void Dispose()
    {
        _listener?.Dispose();
        _notifySource?.Dispose();
        base.Dispose();
    }

    /// <summary>The NOTIFY payload: which replica sent it, and the event's kind and ids (never content).</summary>
    private sealed record FanOutMessage(
        [property: JsonPropertyName("r")] string Replica,
        [property: JsonPropertyName("t")] string Type,
        [property: JsonPropertyName("h")] Guid? HandoffId,
        [property: JsonPropertyName("p")] string? PeerId,
        [property: JsonPropertyName("d")] string? Detail,
        [property: JsonPropertyName("c")] bool CoordinatorsOnly)
    {
        /// <summary>Presence announcements: the list's number, this part and how many parts, and who.</summary>
        [JsonPropertyName("s")]
        public long? Sequence { get; init; }

        [JsonPropertyName("i")]
        public int? Part { get; init; }

        [JsonPropertyName("n")]
        public int? Parts { get; init; }

        [JsonPropertyName("a")]
        public PresentAccount[]? Accounts { get; init; }
    }
}
