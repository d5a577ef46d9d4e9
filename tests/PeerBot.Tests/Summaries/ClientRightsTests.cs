using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerBot.Audit;
using PeerBot.Conversations;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.PeerConsole;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class ClientRightsTests
{
    [Fact]
    public async Task DeleteMyData_Confirmed_ErasesEverythingKeepsLedgerWithoutContent()
    {
        await using var app = new PeerBotApp(CanaryProofTests.ShortRetention);
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(4, 6, null, true));
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }
        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, "note about the client")) { }
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => await app.CountAsync<ClientSummary>(key) == 1, "summary written");
        await app.SayAsync(client, "still here");
        Assert.NotEqual(0, await app.CountAsync<TranscriptEntry>(key));
        var ciphers = await StoredCipherTextsAsync(app, key);
        Assert.All(ciphers, c => Assert.True(CanaryProofTests.SqliteFilesContain(app, c), "cipher text on disk before erasure"));

        var ask = await app.SayAsync(client, "delete my data");
        Assert.Contains(ask, t => t.Contains("cannot be undone", StringComparison.Ordinal));
        Assert.Equal(1, await app.CountAsync<PrivacyPrompt>(key));
        var done = await app.SayAsync(client, "yes");

        Assert.Contains(done, t => t.Contains("has been erased", StringComparison.Ordinal));
        Assert.Equal(0, await app.CountAsync<ClientSummary>(key));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
        Assert.Equal(0, await app.CountAsync<Episode>(key));
        Assert.Equal(0, await app.CountAsync<TranscriptEntry>(key));
        var closed = await app.HandoffOfAsync(client);
        Assert.Null(closed.NoteCipher);
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Key == key));
        Assert.Null(record.DialogStateJson);
        Assert.Null(record.ContextBuffer);
        Assert.Equal(
            [ConsentAction.OptedIn, ConsentAction.ErasureRequested, ConsentAction.Erased],
            (await app.LedgerAsync(key)).Select(e => e.Action));
        Assert.Contains("Summaries: off", string.Join("\n", await app.SayAsync(client, "my data")), StringComparison.Ordinal);

        // The next privacy sweep scrubs the erased rows' bytes off the disk (freed pages, old WAL frames).
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => Task.FromResult(!ciphers.Any(c => CanaryProofTests.SqliteFilesContain(app, c))),
            "erased cipher text gone from the .db and -wal files");
    }

    /// <summary>The summary, episode facts, transcript lines and peer notes held for the client, as stored.</summary>
    private static Task<List<string>> StoredCipherTextsAsync(PeerBotApp app, string key) =>
        app.WithDbAsync(async db =>
        {
            List<string> ciphers =
            [
                .. await db.Set<ClientSummary>().AsNoTracking().Where(s => s.ConversationKey == key).Select(s => s.Cipher).ToListAsync(),
                .. await db.Set<EpisodeFact>().AsNoTracking().Where(f => f.ConversationKey == key).Select(f => f.Cipher).ToListAsync(),
                .. await db.Set<TranscriptEntry>().AsNoTracking().Where(e => e.ConversationKey == key).Select(e => e.Cipher).ToListAsync(),
                .. await CanaryProofTests.ContextCipherTextsAsync(db, key),
                .. await db.Set<HandoffRequest>().AsNoTracking().Where(h => h.ConversationKey == key && h.NoteCipher != null)
                    .Select(h => h.NoteCipher!).ToListAsync(),
            ];
            Assert.NotEmpty(ciphers);
            return ciphers;
        });

    [Fact]
    public async Task DeleteMyData_NotConfirmed_NothingErased()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(4, 6, null, false));
        await app.SayAsync(client, "delete my data");
        var reply = await app.SayAsync(client, "no");
        Assert.Contains(reply, t => t.Contains("Nothing was erased", StringComparison.Ordinal));
        Assert.Equal(1, await app.CountAsync<EpisodeFact>(key));
    }

    [Fact]
    public async Task DeleteMyData_DuringLiveHandoff_HandoffGoesOn_ErasedAtClose()
    {
        await using var app = new PeerBotApp(CanaryProofTests.ShortRetention);
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(4, 6, null, false));
        var handoff = await app.RequestPeerAsync(client);
        await app.SayAsync(client, "delete my data");
        var reply = await app.SayAsync(client, "yes");
        Assert.Contains(reply, t => t.Contains("erased when it ends", StringComparison.Ordinal));

        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (var claimed = await peer.ClaimAsync(handoff.Id))
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        await app.SayAsync(client, "are you there");
        Assert.Equal(1, await app.CountAsync<EpisodeFact>(key));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(100);
        Assert.NotEqual(0, await app.CountAsync<TranscriptEntry>(key)); // not yet: the handoff is live

        using (await peer.CloseAsync(handoff.Id, HandoffOutcomes.Resolved, "note")) { }
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await app.LedgerAsync(key)).Any(e => e.Action == ConsentAction.Erased), "erased at close");
        Assert.Equal(0, await app.CountAsync<TranscriptEntry>(key));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
        Assert.Equal(0, await app.CountAsync<ClientSummary>(key));
    }

    [Fact]
    public async Task Export_Coordinator_GetsJsonAndIsAudited_PeerForbidden()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);

        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (var forbidden = await peer.GetAsync($"/api/console/clients/{key}/export"))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        using var response = await coordinator.GetAsync($"/api/console/clients/{key}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.JsonAsync();
        Assert.Equal(key, export.GetProperty("conversationKey").GetString());
        Assert.Equal("OptedIn", Assert.Single(export.GetProperty("consent").EnumerateArray()).GetProperty("action").GetString());
        using (var missing = await coordinator.GetAsync("/api/console/clients/nope/export"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var coordinatorId = await app.AccountIdAsync(ConsoleClients.Coordinator);
        Assert.Contains(await app.WithDbAsync(db => db.Set<AuditRecord>().ToListAsync()),
            a => a.Action == SummaryReader.ExportClient && a.ActorId == coordinatorId && a.ConversationKey == key);
    }

    [Fact]
    public async Task AuditViewer_AdminOnly_FiltersByActorActionAndTime()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);
        using (await coordinator.GetAsync($"/api/console/clients/{key}/export")) { }
        app.Clock.Advance(TimeSpan.FromHours(1));
        using (await coordinator.GetAsync("/api/console/summaries")) { }
        var coordinatorId = await app.AccountIdAsync(ConsoleClients.Coordinator);

        using (var denied = await coordinator.GetAsync("/api/console/audit"))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await app.CreateAccountAsync("admin@demo.local", "Admin", PeerRoles.Admin);
        using var admin = await app.SignInAsync("admin@demo.local");

        var byAction = (await (await admin.GetAsync($"/api/console/audit?actor={coordinatorId}&action={SummaryReader.ExportClient}")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(key, Assert.Single(byAction).GetProperty("conversationKey").GetString());
        var from = Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(-1).ToString("O"));
        var recent = (await (await admin.GetAsync($"/api/console/audit?actor={coordinatorId}&from={from}")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(SummaryReader.ListSummaries, Assert.Single(recent).GetProperty("action").GetString());
    }
}
