using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Conversations;

/// <summary>Sent outbox rows are deleted in batches; a sent row never looks unsent to a dispatcher.</summary>
public sealed class OutboxCompletionsTests
{
    [Fact]
    public async Task Completed_AfterItsRowIsDeleted_StillReportedSent()
    {
        await using var app = new PeerBotApp();
        var completions = app.Service<OutboxCompletions>();
        var now = app.Clock.GetUtcNow();
        var id = await app.WithDbAsync(async db =>
        {
            var row = new OutboxMessage { ConversationKey = "k", ActivityJson = "{}", CreatedAt = now, NextAttemptAt = now };
            db.Add(row);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return row.Id;
        });

        completions.Completed(id);
        await Eventually.TrueAsync(async () => !await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(o => o.Id == id)));

        // A dispatcher that read the row just before the batched delete asks right after it: still sent.
        Assert.True(completions.IsCompleted(id));
        Assert.False(completions.IsCompleted(id + 1));
    }
}
