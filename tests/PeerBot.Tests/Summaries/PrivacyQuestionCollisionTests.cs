using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Summaries;

/// <summary>
/// The privacy desk's yes/no questions must never take an answer meant for a peer (found by playing the dialog
/// transcripts through the real pipeline).
/// </summary>
public sealed class PrivacyQuestionCollisionTests
{
    [Fact]
    public async Task HardFirstCheckIn_NoConsentQuestion_AskedAfterACalmerOne()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder();
        await app.SayAsync(client, "hello");

        var hard = await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(1, 9, "poorly", true));
        var calmer = await app.DialogEventAsync(client, new DialogEvent.CheckInCompleted(4, 2, "well", false));

        Assert.Empty(hard);
        Assert.Contains(calmer, m => m.Text == app.Service<ConsentTexts>().For("en-US").Body);
    }

    [Fact]
    public async Task HardFirstCheckIn_YesToThePeerOffer_RequestsAPeer()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        foreach (var answer in new[] { "hi", "check in", "1", "9", "Poorly", "yes", "skip" })
            await app.SayAsync(client, answer);

        var reply = await app.SayAsync(client, "yes");

        Assert.Contains(reply, t => t.StartsWith("Okay, I'm asking a peer to join.", StringComparison.Ordinal));
        Assert.Equal(HandoffReason.CheckIn, (await app.HandoffOfAsync(client)).Reason);
        Assert.Empty(await app.LedgerAsync(await app.KeyOfAsync(client)));
    }

    [Fact]
    public async Task EraseQuestionPending_ClientAsksForPeer_PeerRequestedNothingErased()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        await app.SayAsync(client, "hello");
        await app.SayAsync(client, "delete my data");

        var reply = await app.SayAsync(client, "peer");

        Assert.Contains(reply, t => t.StartsWith("I'm asking a peer support specialist to join.", StringComparison.Ordinal));
        Assert.Equal(HandoffReason.Requested, (await app.HandoffOfAsync(client)).Reason);
        var key = await app.KeyOfAsync(client);
        Assert.Equal(0, await app.CountAsync<PrivacyPrompt>(key));
        Assert.DoesNotContain(await app.LedgerAsync(key), e => e.Action is ConsentAction.ErasureRequested or ConsentAction.Erased);
    }
}
