using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Summaries;

/// <summary>Helpers for the privacy tests: talk as the client and read what came back; reach the ledger.</summary>
internal static class PrivacyTestKit
{
    /// <summary>Sends a message and returns the texts the client received for it.</summary>
    public static async Task<IReadOnlyList<string>> SayAsync(this PeerBotApp app, ActivityBuilder client, string text)
    {
        var before = app.Connector.TextsTo(client.ConversationId).Count;
        using (await app.SendAsync(client.Message(text))) { }
        return app.Connector.TextsTo(client.ConversationId).Skip(before).ToList();
    }

    public static Task<string> KeyOfAsync(this PeerBotApp app, ActivityBuilder client) =>
        app.WithDbAsync(db => db.Set<ConversationRecord>().AsNoTracking()
            .Where(c => c.ChannelHash == ConversationKeys.ChannelHash(client.ChannelId, client.ConversationId))
            .Select(c => c.Key).SingleAsync());

    public static Task<List<ConsentEntry>> LedgerAsync(this PeerBotApp app, string key) =>
        app.WithDbAsync(db => db.Set<ConsentEntry>().AsNoTracking().Where(e => e.ConversationKey == key).OrderBy(e => e.Id).ToListAsync());

    public static async Task OptInAsync(this PeerBotApp app, ActivityBuilder client)
    {
        await app.SayAsync(client, "privacy");
        await app.SayAsync(client, "yes");
    }

    /// <summary>Delivers dialog events to the privacy desk as the pipeline does (for events the dialog emits).</summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> DialogEventAsync(this PeerBotApp app, ActivityBuilder client, DialogEvent dialogEvent)
    {
        var key = await app.KeyOfAsync(client);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerBotDb>();
        var desk = scope.ServiceProvider.GetRequiredService<PrivacyDesk>();
        var record = await db.Set<ConversationRecord>().SingleAsync(c => c.Key == key);
        var now = app.Clock.GetUtcNow();
        IReadOnlyList<OutgoingMessage> replies = dialogEvent switch
        {
            DialogEvent.CheckInCompleted checkIn => await desk.CheckInCompletedAsync(record, checkIn, now, CancellationToken.None),
            DialogEvent.SummaryFact fact => await FactAsync(desk, record, fact, now),
            _ => throw new ArgumentOutOfRangeException(nameof(dialogEvent)),
        };
        await db.SaveChangesAsync();
        return replies;
    }

    private static async Task<IReadOnlyList<OutgoingMessage>> FactAsync(PrivacyDesk desk, ConversationRecord record, DialogEvent.SummaryFact fact, DateTimeOffset now)
    {
        await desk.FactAsync(record, fact, now, CancellationToken.None);
        return [];
    }

    public static Task<int> CountAsync<T>(this PeerBotApp app, string key) where T : class =>
        app.WithDbAsync(db => db.Set<T>().CountAsync(e => EF.Property<string>(e, "ConversationKey") == key));
}
