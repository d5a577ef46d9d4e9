using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerBot.Handoff;
using PeerBot.PeerConsole;

namespace PeerBot.Tests.Testing;

/// <summary>Console-side helpers: sign in through /api/auth/login and call /api/handoffs like an integration would.</summary>
public static class ConsoleClients
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Peer1 = "peer1@demo.local";
    public const string Peer2 = "peer2@demo.local";
    public const string Coordinator = "coordinator@demo.local";

    public static string DemoPassword(this PeerBotApp app) => app.Service<IOptions<DemoOptions>>().Value.Password;

    /// <summary>An HttpClient carrying a bearer token obtained with the account's password.</summary>
    public static async Task<HttpClient> SignInAsync(this PeerBotApp app, string email, string? password = null)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = password ?? app.DemoPassword() });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Creates another console account directly (an admin task; no UI for it yet).</summary>
    public static async Task<string> CreateAccountAsync(this PeerBotApp app, string email, string name, string role = PeerRoles.Peer, int? cap = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<PeerAccounts>();
        var account = await accounts.CreateAsync(email, name, app.DemoPassword(), role, CancellationToken.None);
        if (cap is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerBot.Data.PeerBotDb>();
            await db.Set<PeerAccount>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseloadCap, cap));
        }
        return account.Id;
    }

    public static async Task<string> AccountIdAsync(this PeerBotApp app, string email) =>
        await app.WithDbAsync(db => db.Set<PeerAccount>().Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

    /// <summary>The conversation's open (or latest) handoff.</summary>
    public static Task<HandoffRequest> HandoffOfAsync(this PeerBotApp app, ActivityBuilder client) =>
        app.WithDbAsync(async db =>
        {
            var record = await db.Set<PeerBot.Conversations.ConversationRecord>().AsNoTracking()
                .SingleAsync(c => c.ChannelHash == PeerBot.Conversations.ConversationKeys.ChannelHash(client.ChannelId, client.ConversationId));
            return await db.Set<HandoffRequest>().AsNoTracking().Where(h => h.ConversationKey == record.Key)
                .OrderByDescending(h => h.CreatedAt).FirstAsync();
        });

    /// <summary>A client who asked for a peer (the dialog's <c>peer</c> command) and the resulting handoff.</summary>
    public static async Task<HandoffRequest> RequestPeerAsync(this PeerBotApp app, ActivityBuilder client, string text = "peer")
    {
        using (await app.SendAsync(client.Message(text))) { }
        return await app.HandoffOfAsync(client);
    }

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient peer, Guid id) =>
        peer.PostAsync($"/api/handoffs/{id}/claim", null);

    public static Task<HttpResponseMessage> SayAsync(this HttpClient peer, Guid id, string text) =>
        peer.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text });

    public static Task<HttpResponseMessage> CloseAsync(this HttpClient peer, Guid id, string outcome, string? note = null) =>
        peer.PostAsJsonAsync($"/api/handoffs/{id}/close", new { outcome, note });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<List<JsonElement>> TranscriptAsync(this HttpClient peer, Guid id)
    {
        using var response = await peer.GetAsync($"/api/handoffs/{id}/messages");
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }
}
