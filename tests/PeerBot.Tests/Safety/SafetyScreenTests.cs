using PeerBot.Conversations;
using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

public sealed class SafetyScreenTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static ValueTask<SafetyOutcome> Screen(SafetyHost host, string text, SafetyState state, DateTimeOffset now,
        string locale = "en-US") =>
        host.Screen.ScreenAsync(new ClientText(text), locale, state, now, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Crisis_FirstMessage_SendsFullTextWithResourcesAndOpensHandoff()
    {
        using var host = new SafetyHost();
        var outcome = await Screen(host, "i really want to die tonight", new SafetyState(), T0);

        Assert.Equal(DistressTier.Crisis, outcome.EffectiveTier);
        Assert.True(outcome.OpenHandoff);
        var reply = Assert.Single(outcome.ImmediateReplies);
        Assert.Contains("988", reply, StringComparison.Ordinal);
        Assert.Contains("741741", reply, StringComparison.Ordinal);
        Assert.Contains("911", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("press 3", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("Nope.")]
    [InlineData("not really")]
    [InlineData("idk")]
    [InlineData("no estoy a salvo")]
    public async Task NoAfterAreYouSafe_IsCrisis_WithImmediateDangerSteps(string answer)
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        await Screen(host, "i want to kill myself", state, T0);

        var outcome = await Screen(host, answer, state, T0.AddMinutes(2));

        Assert.Equal(DistressTier.Crisis, outcome.EffectiveTier);
        Assert.True(outcome.OpenHandoff);
        var reply = Assert.Single(outcome.ImmediateReplies);
        Assert.Contains("911", reply, StringComparison.Ordinal);
        Assert.Contains("988", reply, StringComparison.Ordinal);
        Assert.Contains(outcome.Assessment.Signals, s => s.Category == "not-safe");
        Assert.Null(state.AskedIfSafeAt);
    }

    [Fact]
    public async Task YesAfterAreYouSafe_IsAcknowledged_AndOnlyOnce()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        await Screen(host, "i want to kill myself", state, T0);

        var yes = await Screen(host, "yes im safe", state, T0.AddMinutes(1));
        var again = await Screen(host, "yes", state, T0.AddMinutes(2));

        var reply = Assert.Single(yes.ImmediateReplies);
        Assert.Contains("glad", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DistressTier.Crisis, yes.EffectiveTier); // the episode goes on
        Assert.Empty(again.ImmediateReplies); // an ordinary "yes" afterwards is the dialog's again
    }

    [Fact]
    public async Task No_WithoutTheQuestion_OrAfterItsWindow_IsNotASafetyAnswer()
    {
        using var host = new SafetyHost();
        var fresh = await Screen(host, "no", new SafetyState(), T0);
        var state = new SafetyState();
        await Screen(host, "i want to kill myself", state, T0);
        var late = await Screen(host, "no", state, T0.AddMinutes(45));

        Assert.Equal(DistressTier.None, fresh.EffectiveTier);
        Assert.Empty(fresh.ImmediateReplies);
        Assert.Empty(late.ImmediateReplies);
    }

    [Fact]
    public async Task Overdose_DoesNotAskIfSafe_SoNoIsNotReadAsAnAnswer()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var overdose = await Screen(host, "i think i took too many pills, i overdosed", state, T0);
        Assert.Equal(DistressTier.Crisis, overdose.EffectiveTier);

        var no = await Screen(host, "no", state, T0.AddMinutes(1));

        Assert.Null(state.AskedIfSafeAt);
        Assert.DoesNotContain(no.Assessment.Signals, s => s.Category == "not-safe");
    }

    [Fact]
    public async Task Crisis_WithinEpisode_SendsShortReminderNotTheFullText()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var first = await Screen(host, "i want to kill myself", state, T0);
        var second = await Screen(host, "i mean it, i want to die", state, T0.AddMinutes(5));

        Assert.NotEqual(first.ImmediateReplies[0], second.ImmediateReplies[0]);
        Assert.True(second.ImmediateReplies[0].Length < first.ImmediateReplies[0].Length);
        Assert.Equal(T0, state.CrisisEpisodeStartedAt);
    }

    [Fact]
    public async Task Crisis_AfterEpisodeWindow_SendsFullTextAgain()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var first = await Screen(host, "i want to kill myself", state, T0);
        var later = await Screen(host, "i want to kill myself", state, T0.AddHours(2));

        Assert.Equal(first.ImmediateReplies, later.ImmediateReplies);
    }

    [Fact]
    public async Task Crisis_FollowedByImFine_StaysEscalatedWithoutRepeating()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        await Screen(host, "kms", state, T0);
        var outcome = await Screen(host, "jk I'm fine", state, T0.AddMinutes(1));

        Assert.Equal(DistressTier.Crisis, outcome.EffectiveTier);
        Assert.True(outcome.OpenHandoff);
        Assert.Empty(outcome.ImmediateReplies);
    }

    [Fact]
    public async Task Overdose_SendsOverdoseTextWithNaloxoneAnd911()
    {
        using var host = new SafetyHost();
        var outcome = await Screen(host, "my friend took a bunch of pills and won't wake up", new SafetyState(), T0);
        var reply = Assert.Single(outcome.ImmediateReplies);

        Assert.Contains("911", reply, StringComparison.Ordinal);
        Assert.Contains("naloxone", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Stay with them", reply, StringComparison.Ordinal);
        Assert.Contains("recovery position", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quiero morirme, ya no puedo más", "en-US")]
    [InlineData("i want to die", "es-US")]
    public async Task Crisis_SpanishWriterOrLocale_GetsSpanishText(string text, string locale)
    {
        using var host = new SafetyHost();
        var outcome = await Screen(host, text, new SafetyState(), T0, locale);
        var reply = Assert.Single(outcome.ImmediateReplies);

        Assert.Contains("marca 2", reply, StringComparison.Ordinal);
        Assert.Contains("911", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task High_OpensHandoffWithSupportiveTextOnce()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var first = await Screen(host, "relapsed last night", state, T0);
        var second = await Screen(host, "drank again today", state, T0.AddMinutes(10));

        Assert.Equal(DistressTier.High, first.EffectiveTier);
        Assert.True(first.OpenHandoff);
        Assert.Contains("988", Assert.Single(first.ImmediateReplies), StringComparison.Ordinal);
        Assert.True(second.OpenHandoff);
        Assert.Empty(second.ImmediateReplies);
    }

    [Fact]
    public async Task Moderate_OffersPeerWithoutHandoff()
    {
        using var host = new SafetyHost();
        var outcome = await Screen(host, "feeling so lonely tonight", new SafetyState(), T0);

        Assert.Equal(DistressTier.Moderate, outcome.EffectiveTier);
        Assert.True(outcome.OfferPeer);
        Assert.False(outcome.OpenHandoff);
        Assert.Empty(outcome.ImmediateReplies);
    }

    [Fact]
    public async Task Moderate_ThirdWithinWindow_EscalatesToHigh()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        await Screen(host, "so anxious today", state, T0);
        var second = await Screen(host, "cravings are bad", state, T0.AddHours(3));
        var third = await Screen(host, "feel so alone", state, T0.AddHours(6));

        Assert.Equal(DistressTier.Moderate, second.EffectiveTier);
        Assert.Equal(DistressTier.High, third.EffectiveTier);
        Assert.True(third.OpenHandoff);
        Assert.Equal("conversation-escalation", third.Assessment.Top!.RuleId);
    }

    [Fact]
    public async Task Moderate_SpreadBeyondWindow_DoesNotEscalate()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        await Screen(host, "so anxious today", state, T0);
        await Screen(host, "cravings are bad", state, T0.AddHours(30));
        var third = await Screen(host, "feel so alone", state, T0.AddHours(60));

        Assert.Equal(DistressTier.Moderate, third.EffectiveTier);
    }

    [Fact]
    public void CheckIn_MoodOneOrUse_CountTowardEscalation()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var first = host.Screen.RecordCheckIn(1, 2, false, "en-US", state, T0);
        var second = host.Screen.RecordCheckIn(3, 4, true, "en-US", state, T0.AddHours(20));
        var third = host.Screen.RecordCheckIn(1, 1, false, "en-US", state, T0.AddHours(22));

        Assert.True(first.OfferPeer);
        Assert.Equal(DistressTier.Moderate, second.EffectiveTier);
        Assert.Equal(DistressTier.High, third.EffectiveTier);
        Assert.True(third.OpenHandoff);
    }

    [Fact]
    public void CheckIn_GoodMoodNoUse_IsClear()
    {
        using var host = new SafetyHost();
        var outcome = host.Screen.RecordCheckIn(4, 1, false, "en-US", new SafetyState(), T0);
        Assert.Same(SafetyOutcome.Clear, outcome);
    }

    [Fact]
    public async Task None_IsClearAndStateUntouched()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var outcome = await Screen(host, "see you at group tonight", state, T0);

        Assert.Same(SafetyOutcome.Clear, outcome);
        Assert.Empty(state.Recent);
    }
}
