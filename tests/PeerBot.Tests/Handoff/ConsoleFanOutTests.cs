using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PeerBot.Handoff;
using PeerBot.PeerConsole;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Handoff;

/// <summary>
/// Console events across replicas: two PeerBot instances on one PostgreSQL database (LISTEN/NOTIFY), and SQLite
/// staying in-process. PostgreSQL cases are skipped without PEERBOT_TEST_POSTGRES.
/// </summary>
public sealed class ConsoleFanOutTests
{
    private const string Crisis = "I want to kill myself";

    [Fact]
    [Trait("Db", "Postgres")]
    public async Task CrisisOnReplicaA_AppearsInConsoleOnReplicaB_OnceOnA()
    {
        await using var replicas = TwoReplicas.Start();
        var (database, a, b) = (replicas.Database, replicas.A, replicas.B);
        using var peerOnB = await b.SignInAsync(ConsoleClients.Peer1);
        using var peerOnA = await a.SignInAsync(ConsoleClients.Peer2);
        await using var streamB = await ConsoleStream.OpenAsync(peerOnB);
        await using var streamA = await ConsoleStream.OpenAsync(peerOnA);
        var client = new ActivityBuilder();

        using (await a.SendAsync(client.Message(Crisis))) { }

        var handoff = await a.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(streamB.About(handoff.Id).Any(e => e.Type == ConsoleEvent.Queue)), "queue event on B");
        await Eventually.TrueAsync(() => Task.FromResult(streamB.About(handoff.Id).Any(e => e.Type == ConsoleEvent.Alert)), "alert on B");
        // B's console reads the handoff from the shared database.
        using var detail = await peerOnB.GetAsync($"/api/handoffs/{handoff.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        await Task.Delay(300);
        // A's own events reach A's consoles once (directly), not a second time through NOTIFY.
        Assert.Single(streamA.About(handoff.Id), e => e.Type == ConsoleEvent.Alert);
        Assert.Single(streamB.About(handoff.Id), e => e.Type == ConsoleEvent.Alert);
    }

    [Fact]
    [Trait("Db", "Postgres")]
    public async Task PeerScopedEvent_CrossesReplicas_OnlyToThatPeer()
    {
        await using var replicas = TwoReplicas.Start();
        var (a, b) = (replicas.A, replicas.B);
        var client = new ActivityBuilder();
        var handoff = await a.RequestPeerAsync(client);
        using var samOnA = await a.SignInAsync(ConsoleClients.Peer1);
        using (await samOnA.ClaimAsync(handoff.Id)) { }
        using var samOnB = await b.SignInAsync(ConsoleClients.Peer1);
        using var alexOnB = await b.SignInAsync(ConsoleClients.Peer2);
        await using var sam = await ConsoleStream.OpenAsync(samOnB);
        await using var alex = await ConsoleStream.OpenAsync(alexOnB);

        using (await a.SendAsync(client.Message("are you there?"))) { }

        await Eventually.TrueAsync(() => Task.FromResult(sam.About(handoff.Id).Any(e => e.Type == ConsoleEvent.Message)), "message event for Sam on B");
        await Task.Delay(300);
        Assert.DoesNotContain(alex.About(handoff.Id), e => e.Type == ConsoleEvent.Message);
        var transcript = await samOnB.TranscriptAsync(handoff.Id);
        Assert.Contains(transcript, l => HandoffFlowTests.Text(l) == "are you there?");
    }

    [Fact]
    [Trait("Db", "Postgres")]
    public async Task ListenerConnectionKilled_Reconnects_ConsolesResyncAndSeeLaterHandoffs()
    {
        await using var replicas = TwoReplicas.Start();
        var (database, a, b) = (replicas.Database, replicas.A, replicas.B);
        using var peerOnB = await b.SignInAsync(ConsoleClients.Peer1);
        await using var streamB = await ConsoleStream.OpenAsync(peerOnB);

        var killed = await TerminateListenersAsync(database);
        Assert.Equal(2, killed); // one listener per replica

        await Eventually.TrueAsync(() => Task.FromResult(streamB.Events.Any(e => e.Type == ConsoleEvent.Queue && e.Detail == "resync")), "resync after reconnect");
        await Eventually.TrueAsync(async () => await ListenersAsync(database) == 2, "both replicas listening again");
        var client = new ActivityBuilder();
        using (await a.SendAsync(client.Message(Crisis))) { }
        var handoff = await a.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(streamB.About(handoff.Id).Any(e => e.Type == ConsoleEvent.Queue)), "queue event on B after reconnect");
        Assert.True(b.Logs.Contains("reconnecting"));
        Assert.False(a.Logs.Contains("kill myself") || b.Logs.Contains("kill myself"));
    }

    [Fact]
    [Trait("Db", "Postgres")]
    public async Task PeerOnlineOnReplicaB_CountsAsOnlineOnReplicaA_UntilTheConsoleCloses()
    {
        await using var replicas = TwoReplicas.Start();
        var (a, b) = (replicas.A, replicas.B);
        using var coordinatorOnA = await a.SignInAsync(ConsoleClients.Coordinator);
        using var peerOnB = await b.SignInAsync(ConsoleClients.Peer1);
        var me = await peerOnB.GetFromJsonAsync<Me>("/api/console/me");
        Assert.NotNull(me);
        Assert.False(await OnlineAsync(coordinatorOnA, me.Id));

        var stream = await ConsoleStream.OpenAsync(peerOnB);
        await Eventually.TrueAsync(() => OnlineAsync(coordinatorOnA, me.Id), "peer on B online as seen from A");
        var board = await coordinatorOnA.GetStringAsync("/api/coordinator/board");
        Assert.Contains(me.Id, board, StringComparison.Ordinal);

        await stream.DisposeAsync();
        await Eventually.TrueAsync(async () => !await OnlineAsync(coordinatorOnA, me.Id), "peer offline on A after closing the console on B");
    }

    private static async Task<bool> OnlineAsync(HttpClient console, string accountId)
    {
        var peers = await console.GetFromJsonAsync<List<PeerListItem>>("/api/console/peers");
        return peers!.Single(p => p.Id == accountId).Online;
    }

    [Fact]
    public async Task Sqlite_EventsStayInProcess_NoFanOut()
    {
        await using var app = new PeerBotApp();
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        await using var stream = await ConsoleStream.OpenAsync(peer);
        var client = new ActivityBuilder();

        using (await app.SendAsync(client.Message(Crisis))) { }

        var handoff = await app.HandoffOfAsync(client);
        await Eventually.TrueAsync(() => Task.FromResult(stream.About(handoff.Id).Any(e => e.Type == ConsoleEvent.Alert)));
        Assert.False(app.Logs.Contains("Console fan-out"));
    }

    private static async Task<int> TerminateListenersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresConsoleFanOut.ListenerName });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ListenersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresConsoleFanOut.ListenerName });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Two PeerBot replicas on one new PostgreSQL database; A starts (and migrates) before B.</summary>
    private sealed class TwoReplicas : IAsyncDisposable
    {
        private TwoReplicas(TestDatabase database, PeerBotApp a, PeerBotApp b) => (Database, A, B) = (database, a, b);

        public TestDatabase Database { get; }

        public PeerBotApp A { get; }

        public PeerBotApp B { get; }

        public static TwoReplicas Start()
        {
            var database = TestDatabase.Create("Postgres", Path.GetTempPath());
            var a = new PeerBotApp(sharedDatabase: database);
            _ = a.Services;
            return new TwoReplicas(database, a, new PeerBotApp(sharedDatabase: database));
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
