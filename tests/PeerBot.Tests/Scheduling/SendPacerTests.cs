using PeerBot.Scheduling;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Scheduling;

public sealed class SendPacerTests
{
    [Fact]
    public void Reserve_AppWideRate_SpacesSendsAfterOneSecondBurst()
    {
        var clock = new ManualTimeProvider();
        var pacer = new SendPacer(clock, sendsPerSecond: 10, teamsPerConversationPerSecond: 7);

        var delays = Enumerable.Range(0, 30).Select(i => pacer.Reserve("cv_" + i, "sms")).ToList();

        // Twenty slots are reserved within the first second of waiting (burst + rate), the 30th a second later.
        Assert.Equal(TimeSpan.Zero, delays[0]);
        Assert.True(delays[29] >= TimeSpan.FromSeconds(1.9), delays[29].ToString());
        for (var i = 1; i < delays.Count; i++)
            Assert.True(delays[i] - delays[i - 1] <= TimeSpan.FromMilliseconds(100.001));
        var inFirstTwoSeconds = delays.Count(d => d < TimeSpan.FromSeconds(2));
        Assert.InRange(inFirstTwoSeconds, 20, 30);
    }

    [Fact]
    public void Reserve_TeamsConversation_AtMostSevenPerSecond()
    {
        var clock = new ManualTimeProvider();
        var pacer = new SendPacer(clock, sendsPerSecond: 0, teamsPerConversationPerSecond: 7);

        var sameConversation = Enumerable.Range(0, 15).Select(_ => pacer.Reserve("cv_a", "msteams")).ToList();
        var other = pacer.Reserve("cv_b", "msteams");
        var sms = Enumerable.Range(0, 15).Select(_ => pacer.Reserve("cv_c", "sms")).ToList();

        Assert.Equal(7, sameConversation.Count(d => d < TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.Zero, other);
        Assert.All(sms, d => Assert.Equal(TimeSpan.Zero, d));
    }

    [Fact]
    public void Reserve_AfterIdle_NoDebtCarried()
    {
        var clock = new ManualTimeProvider();
        var pacer = new SendPacer(clock, sendsPerSecond: 5, teamsPerConversationPerSecond: 7);
        for (var i = 0; i < 50; i++)
            pacer.Reserve("cv", "sms");

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("cv", "sms"));
    }
}
