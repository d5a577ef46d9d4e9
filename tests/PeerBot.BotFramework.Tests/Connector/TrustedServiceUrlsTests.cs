using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Connector;
using Xunit;

namespace PeerBot.BotFramework.Tests.Connector;

public sealed class TrustedServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    [InlineData("HTTPS://SMBA.trafficmanager.net:443/amer/")]
    public void IsTrusted_SameUrlSpelledDifferently_True(string candidate)
    {
        var trusted = Create();
        trusted.Trust("https://smba.trafficmanager.net/amer");

        Assert.True(trusted.IsTrusted(candidate));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void IsTrusted_DifferentOrInvalidUrl_False(string? candidate)
    {
        var trusted = Create();
        trusted.Trust("https://smba.trafficmanager.net/amer/");

        Assert.False(trusted.IsTrusted(candidate));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/tenant-1/", true)]
    [InlineData("https://smba.trafficmanager.net/", true)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", false)]
    [InlineData("https://directline.botframework.com/", false)]
    public void IsTrusted_ConfiguredPrefix_CoversPathsBelowIt(string candidate, bool expected)
    {
        var trusted = Create("https://smba.trafficmanager.net/");

        Assert.Equal(expected, trusted.IsTrusted(candidate));
    }

    private static TrustedServiceUrls Create(params string[] configured) =>
        new(Options.Create(new BotFrameworkOptions { TrustedServiceUrls = configured }));
}
