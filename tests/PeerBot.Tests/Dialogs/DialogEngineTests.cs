using PeerBot.Dialogs;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class DialogEngineTests
{
    [Fact]
    public async Task RunAsync_StoredStepNoLongerExists_ApologisesAndShowsTheMenu()
    {
        await using var host = new DialogTestHost();
        host.SetState(new DialogState
        {
            Welcomed = true,
            Stack = [new DialogFrame { DialogId = "check-in", StepId = "removed-step", Waiting = true }],
        });

        var first = await host.SendAsync("3");
        var second = await host.SendAsync("1");

        Assert.StartsWith("Sorry, I lost my place", first.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("What would you like to do?", first.Messages[^1].Text);
        Assert.StartsWith("Daily check-in.", Assert.Single(second.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoredDialogNoLongerExists_RestartsAtTheMenu()
    {
        await using var host = new DialogTestHost();
        host.SetState(new DialogState { Welcomed = true, Stack = [new DialogFrame { DialogId = "retired", StepId = "x" }] });

        var result = await host.SendAsync("hello");

        Assert.StartsWith("Sorry, I lost my place", result.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("no longer exists", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("🙂🙂🙂")]
    [InlineData("¿Qué es esto? Je ne comprends pas")]
    [InlineData(null)]
    public async Task RunAsync_BadInputAtEveryKindOfPrompt_GetsARetryNotAFailure(string? input)
    {
        input ??= new string('x', 5000);
        await using var host = new DialogTestHost();
        await host.SendAsync(string.Empty, kind: DialogInputKind.Welcome);
        await host.SendAsync("check in");

        var atNumber = await host.SendAsync(input);
        await host.SendAsync("3");
        await host.SendAsync("0");
        var atChoice = await host.SendAsync(input);
        await host.SendAsync("well");
        var atYesNo = await host.SendAsync(input);

        Assert.StartsWith("Please reply with a number from 1 to 5", Assert.Single(atNumber.Messages).Text, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I didn't get that. How did you sleep", Assert.Single(atChoice.Messages).Text, StringComparison.Ordinal);
        Assert.Equal(3, atChoice.Messages[0].Choices.Count);
        Assert.StartsWith("Sorry, I didn't get that. Have you used", Assert.Single(atYesNo.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EmptyAnswerToFreeText_AsksAgain_AndSkipMovesOn()
    {
        await using var host = new DialogTestHost();
        foreach (var line in new[] { "check in", "4", "1", "well", "no" })
            await host.SendAsync(line);

        var empty = await host.SendAsync("   ");
        var skipped = await host.SendAsync("skip");

        Assert.StartsWith("Sorry, I didn't get that. Anything on your mind", Assert.Single(empty.Messages).Text, StringComparison.Ordinal);
        Assert.Contains(skipped.Events, e => e is DialogEvent.CheckInCompleted { Mood: 4, Craving: 1, Sleep: "well", AnyUse: false });
    }

    [Fact]
    public async Task RunAsync_MidCheckIn_StateStaysUnderFourKilobytes()
    {
        await using var host = new DialogTestHost();
        foreach (var line in new[] { "check in", "2", "9", "poorly", "yes" })
            await host.SendAsync(line);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(host.StateJson) <= 4096, host.StateJson);
        Assert.Contains("\"craving\":\"9\"", host.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IdleClientWritesAMenuWord_StartsThatDialogDirectly()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync(string.Empty, kind: DialogInputKind.Welcome);
        await host.SendAsync("cancel");

        var result = await host.SendAsync("Coping ideas");

        Assert.Equal("What do you need help with right now?", Assert.Single(result.Messages).Text);
    }

    [Fact]
    public async Task RunAsync_FirstSmsMessage_GreetsOnceThenShowsTheMenu()
    {
        await using var host = new DialogTestHost();

        var first = await host.SendAsync("hi", channel: "sms");
        await host.SendAsync("cancel", channel: "sms");
        var second = await host.SendAsync("hi", channel: "sms");

        Assert.StartsWith("Hi, I'm PeerBot", Assert.Single(first.Messages).Text, StringComparison.Ordinal);
        Assert.Equal("What would you like to do?", Assert.Single(second.Messages).Text);
    }

    [Fact]
    public async Task RunAsync_OfferPeerWhileIdle_AsksAndYesRequestsAModerateHandoff()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync(string.Empty, kind: DialogInputKind.Welcome);
        await host.SendAsync("cancel");

        var offer = await host.SendAsync("everything is too much", offerPeer: true);
        var yes = await host.SendAsync("yes");

        Assert.Equal(["Yes", "No"], Assert.Single(offer.Messages).Choices);
        Assert.Equal(new DialogEvent.HandoffRequested("moderate"), Assert.Single(yes.Events));
    }

    [Fact]
    public async Task RunAsync_SecondOfferWhileTheFirstIsWaiting_IsNotStacked()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync("check in");
        await host.SendAsync("I feel awful", offerPeer: true);

        var again = await host.SendAsync("I don't know, everything is bad", offerPeer: true);
        var no = await host.SendAsync("no");

        Assert.Equal("Would you like to talk with a peer now? Reply yes or no.", Assert.Single(again.Messages).Text);
        Assert.EndsWith("How is your mood right now, from 1 (very low) to 5 (very good)?", no.Messages[^1].Text, StringComparison.Ordinal);
        var stack = System.Text.Json.JsonSerializer.Deserialize<DialogState>(host.StateJson)!.Stack;
        Assert.Equal(["menu", "check-in"], stack.Select(f => f.DialogId));
    }

    [Fact]
    public async Task RunAsync_LocaleFromActivity_SpeaksSpanish_UntilTheClientChooses()
    {
        await using var host = new DialogTestHost();

        var spanish = await host.SendAsync(string.Empty, locale: "es-US", kind: DialogInputKind.Welcome);
        await host.SendAsync("english", locale: "es-US");
        var english = await host.SendAsync("menu", locale: "es-US");

        Assert.Equal("¿Qué te gustaría hacer?", spanish.Messages[^1].Text);
        Assert.Equal("What would you like to do?", Assert.Single(english.Messages).Text);
    }

    [Fact]
    public async Task RunAsync_CardSubmitValueWithoutText_IsTakenAsTheAnswer()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync(string.Empty, kind: DialogInputKind.Welcome);
        var state = System.Text.Json.JsonSerializer.Deserialize<DialogState>(host.StateJson)!;
        var value = System.Text.Json.JsonSerializer.SerializeToElement("Check in");

        var result = await host.Engine.RunAsync(new DialogInput(DialogInputKind.Message, host.ConversationKey,
            PeerBot.Conversations.ClientText.Empty, value, "msteams", "en-US", TimeProvider.System.GetUtcNow()),
            state, TestContext.Current.CancellationToken);

        Assert.StartsWith("Daily check-in.", Assert.Single(result.Messages).Text, StringComparison.Ordinal);
    }
}
