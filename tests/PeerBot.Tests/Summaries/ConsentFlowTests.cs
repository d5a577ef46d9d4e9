using Microsoft.Extensions.DependencyInjection;
using PeerBot.Dialogs;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

public sealed class ConsentFlowTests
{
    [Fact]
    public async Task Privacy_ShowsVersionedConsentText_YesRecordsOptInWithTimeChannelVersion()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("sms");
        var shown = await app.SayAsync(client, "privacy");
        var expected = app.Service<ConsentTexts>().For("en-US");
        var joined = string.Join("\n", shown);
        Assert.Contains(expected.Body[..40], joined, StringComparison.Ordinal);
        Assert.Contains("Would you like PeerBot to keep these summaries?", joined, StringComparison.Ordinal);

        var confirmed = await app.SayAsync(client, "yes");

        Assert.Contains(confirmed, t => t.Contains("keep a short summary", StringComparison.Ordinal));
        var ledger = await app.LedgerAsync(await app.KeyOfAsync(client));
        var entry = Assert.Single(ledger);
        Assert.Equal(ConsentAction.OptedIn, entry.Action);
        Assert.Equal("sms", entry.ChannelId);
        Assert.Equal(expected.Version, entry.TextVersion);
        Assert.Equal(app.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task Privacy_OptOutLater_LatestDecisionCountsAndCollectionStops()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.OptInAsync(client);
        var key = await app.KeyOfAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.SummaryFact("resource", "food bank"));
        Assert.Equal(1, await app.CountAsync<EpisodeFact>(key));

        await app.SayAsync(client, "privacy");
        var reply = await app.SayAsync(client, "no");

        Assert.Contains(reply, t => t.Contains("no summaries will be kept", StringComparison.Ordinal));
        Assert.Equal([ConsentAction.OptedIn, ConsentAction.OptedOut], (await app.LedgerAsync(key)).Select(e => e.Action));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
        Assert.Equal(0, await app.CountAsync<Episode>(key));
        await app.DialogEventAsync(client, new DialogEvent.SummaryFact("resource", "shelter"));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key));
    }

    [Fact]
    public async Task Privacy_NotAnswered_NothingRecordedAndDialogTakesTheMessage()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.SayAsync(client, "privacy");
        var reply = await app.SayAsync(client, "what is the weather");
        Assert.Contains(reply, t => t.Contains("What would you like to do", StringComparison.Ordinal));
        Assert.Empty(await app.LedgerAsync(await app.KeyOfAsync(client)));
    }

    [Fact]
    public async Task FirstCheckIn_NeverAsked_OffersConsentOnce()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.SayAsync(client, "hello");
        var first = await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(5, 4, "ok", false));
        var second = await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(6, 3, "ok", false));

        Assert.Contains(first, m => m.Text == app.Service<ConsentTexts>().For("en-US").Body);
        Assert.Empty(second);
        var key = await app.KeyOfAsync(client);
        Assert.Equal([ConsentAction.Offered], (await app.LedgerAsync(key)).Select(e => e.Action));
        Assert.Equal(0, await app.CountAsync<EpisodeFact>(key)); // not opted in: the check-in is not kept
        var answered = await app.SayAsync(client, "yes");
        Assert.Contains(answered, t => t.Contains("keep a short summary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyData_ShowsSettingsAndLatestSummaries()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        var before = string.Join("\n", await app.SayAsync(client, "my data"));
        Assert.Contains("Summaries: off", before, StringComparison.Ordinal);

        await app.OptInAsync(client);
        await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(3, 8, "poor", false));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await scope.ServiceProvider.GetRequiredService<PrivacySweeper>().SummarizeDueAsync(CancellationToken.None);
        }
        var after = string.Join("\n", await app.SayAsync(client, "my data"));

        Assert.Contains("Summaries: on", after, StringComparison.Ordinal);
        Assert.Contains("Stored: 1 summary", after, StringComparison.Ordinal);
        Assert.Contains("latest mood 3/10, craving 8/10", after, StringComparison.Ordinal);
    }
}
