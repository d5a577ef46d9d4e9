using PeerBot.Conversations;
using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>The optional sentiment source may only raise a no-hit message to moderate, within the time limit.</summary>
public sealed class SentimentSeamTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static ValueTask<SafetyOutcome> Screen(SafetyHost host, string text) =>
        host.Screen.ScreenAsync(new ClientText(text), "en-US", new SafetyState(), T0, TestContext.Current.CancellationToken);

    [Fact]
    public async Task StronglyNegative_NoLexiconHit_RaisesToModerate()
    {
        var sentiment = new TestSentimentSource(0.97);
        using var host = new SafetyHost(sentiment: sentiment);
        var outcome = await Screen(host, "today was the absolute worst");

        Assert.Equal(DistressTier.Moderate, outcome.EffectiveTier);
        Assert.Equal("negative-sentiment", outcome.Assessment.Top!.Category);
        Assert.True(outcome.OfferPeer);
    }

    [Fact]
    public async Task MildlyNegative_StaysNone()
    {
        using var host = new SafetyHost(sentiment: new TestSentimentSource(0.6));
        Assert.Equal(DistressTier.None, (await Screen(host, "today was the absolute worst")).EffectiveTier);
    }

    [Theory]
    [InlineData("i want to die")]
    [InlineData("relapsed last night")]
    public async Task CrisisOrHigh_SentimentIsNotCalled(string text)
    {
        var sentiment = new TestSentimentSource(0.0, TimeSpan.FromSeconds(5));
        using var host = new SafetyHost(sentiment: sentiment);
        var outcome = await Screen(host, text);

        Assert.True(outcome.EffectiveTier >= DistressTier.High);
        Assert.Equal(0, sentiment.Calls);
    }

    [Fact]
    public async Task PositiveReading_NeverLowersALexiconHit()
    {
        using var host = new SafetyHost(sentiment: new TestSentimentSource(0.0));
        Assert.Equal(DistressTier.Moderate, (await Screen(host, "feeling so lonely")).EffectiveTier);
    }

    [Fact]
    public async Task SlowSource_TimesOut_LexiconDecidesAlone()
    {
        var sentiment = new TestSentimentSource(0.99, TimeSpan.FromSeconds(10));
        using var host = new SafetyHost(new() { ["PeerBot:Safety:SentimentTimeout"] = "00:00:00.200" }, sentiment);
        var started = TimeProvider.System.GetTimestamp();
        var outcome = await Screen(host, "today was the absolute worst");
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.Equal(DistressTier.None, outcome.EffectiveTier);
        Assert.Equal(1, sentiment.Calls);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), "the screen waited for the slow source");
        Assert.Contains(host.Logs.Records, r => r.StartsWith("1002 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingSource_FallsBackWithoutLeakingText()
    {
        using var host = new SafetyHost(sentiment: new TestSentimentSource(0.99, fail: true));
        var outcome = await Screen(host, "secret words about my week");

        Assert.Equal(DistressTier.None, outcome.EffectiveTier);
        Assert.Contains(host.Logs.Records, r => r.StartsWith("1003 ", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Records, r => r.Contains("secret words", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_DefaultTimeoutIsOneSecond() =>
        Assert.Equal(TimeSpan.FromSeconds(1), new SafetyOptions().SentimentTimeout);
}
