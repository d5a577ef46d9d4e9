using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Schema;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Authentication;

public sealed class BotAuthenticatorTests
{
    [Fact]
    public async Task Authenticate_ValidChannelToken_SucceedsSetsCallerIdAndTrustsServiceUrl()
    {
        await using var f = await AuthFixture.StartAsync();
        var activity = AuthFixture.Activity();
        Assert.False(f.Trusted.IsTrusted(AuthFixture.ServiceUrl));

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(), activity);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(CallerIds.PublicAzureChannel, result.CallerId);
        Assert.Equal(CallerIds.PublicAzureChannel, activity.CallerId);
        Assert.True(result.Identity!.IsAuthenticated);
        Assert.True(f.Trusted.IsTrusted(AuthFixture.ServiceUrl));
    }

    [Fact]
    public async Task Authenticate_MissingHeader_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();
        var activity = AuthFixture.Activity();

        var result = await f.AuthenticateAsync(null, activity);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.Null(activity.CallerId);
    }

    [Theory]
    [InlineData("Basic abc")]
    [InlineData("Bearer")]
    [InlineData("bearer x.y.z")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer x.y.z")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.")]
    [InlineData("Bearer  two-spaces")]
    public async Task Authenticate_MalformedHeader_Rejected401(string header)
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync(header, AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_ExpiredBeyondSkew_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(expiresIn: TimeSpan.FromMinutes(-6)), AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("token lifetime invalid", result.Error);
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinSkew_Succeeds()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(expiresIn: TimeSpan.FromMinutes(-4)), AuthFixture.Activity());

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task Authenticate_WrongAudience_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(audience: "another-app"), AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("wrong audience", result.Error);
    }

    [Fact]
    public async Task Authenticate_WrongIssuer_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(issuer: "https://attacker.example"), AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_SignedByUnpublishedKeyWithKnownKid_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();
        var impostor = new TestSigningKey("key-1", material: "impostor");

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: impostor), AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("bad signature", result.Error);
    }

    [Fact]
    public async Task Authenticate_AlgorithmOtherThanRs256_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(algorithm: "RS384"), AuthFixture.Activity());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForChannel_Rejected403()
    {
        await using var f = await AuthFixture.StartAsync();
        var activity = AuthFixture.Activity(channelId: "webchat");

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(), activity);

        Assert.Equal(403, result.StatusCode);
        Assert.Null(activity.CallerId);
        Assert.False(f.Trusted.IsTrusted(AuthFixture.ServiceUrl));
    }

    [Fact]
    public async Task Authenticate_ServiceUrlClaimMismatch_Rejected403()
    {
        await using var f = await AuthFixture.StartAsync();
        var activity = AuthFixture.Activity(serviceUrl: "https://attacker.example/");

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(), activity);

        Assert.Equal(403, result.StatusCode);
        Assert.False(f.Trusted.IsTrusted("https://attacker.example/"));
    }

    [Fact]
    public async Task Authenticate_ServiceUrlClaimMissing_Rejected403()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(serviceUrl: null), AuthFixture.Activity());

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_AnonymousModeWithoutHeader_SucceedsWithoutCallerId()
    {
        await using var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>());
        var activity = AuthFixture.Activity();

        var result = await host.Get<BotAuthenticator>().AuthenticateAsync(null, activity, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Null(result.CallerId);
        Assert.Null(activity.CallerId);
    }

    [Fact]
    public async Task Authenticate_AnonymousModeWithHeader_Rejected401()
    {
        await using var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>());

        var result = await host.Get<BotAuthenticator>()
            .AuthenticateAsync("Bearer a.b.c", AuthFixture.Activity(), CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }
}
