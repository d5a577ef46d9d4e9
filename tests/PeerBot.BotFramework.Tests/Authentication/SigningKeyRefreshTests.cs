using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Authentication;

public sealed class SigningKeyRefreshTests
{
    [Fact]
    public async Task Authenticate_RepeatedWithin24Hours_FetchesKeysOnce()
    {
        await using var f = await AuthFixture.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity())).Succeeded);
            f.Clock.Advance(TimeSpan.FromHours(7));
        }

        Assert.Equal(1, f.Login.ChannelKeyFetches);
    }

    [Fact]
    public async Task Authenticate_After24Hours_RefetchesKeys()
    {
        await using var f = await AuthFixture.StartAsync();
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity());

        f.Clock.Advance(TimeSpan.FromHours(24));
        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, f.Login.ChannelKeyFetches);
    }

    [Fact]
    public async Task Authenticate_UnknownKid_RefreshesExactlyOnceAndAcceptsRotatedKey()
    {
        await using var f = await AuthFixture.StartAsync();
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity());
        var rotated = new TestSigningKey("key-2");
        f.Login.AddChannelKey(rotated, "msteams");

        var result = await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: rotated), AuthFixture.Activity());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, f.Login.ChannelKeyFetches);
    }

    [Fact]
    public async Task Authenticate_UnknownKidAgainSoon_DoesNotRefreshAgain()
    {
        await using var f = await AuthFixture.StartAsync();
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity());
        var unpublished = new TestSigningKey("key-9");

        var first = await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: unpublished), AuthFixture.Activity());
        var fetchesAfterFirst = f.Login.ChannelKeyFetches;
        f.Clock.Advance(TimeSpan.FromMinutes(4));
        var second = await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: unpublished), AuthFixture.Activity());

        Assert.Equal(401, first.StatusCode);
        Assert.Equal(401, second.StatusCode);
        Assert.Equal(2, fetchesAfterFirst); // initial fetch + one refresh for the unknown kid
        Assert.Equal(2, f.Login.ChannelKeyFetches);
    }

    [Fact]
    public async Task Authenticate_UnknownKidAfterInterval_RefreshesAgain()
    {
        await using var f = await AuthFixture.StartAsync();
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity());
        var unpublished = new TestSigningKey("key-9");
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: unpublished), AuthFixture.Activity());

        f.Clock.Advance(TimeSpan.FromMinutes(6));
        await f.AuthenticateAsync("Bearer " + f.ChannelToken(key: unpublished), AuthFixture.Activity());

        Assert.Equal(3, f.Login.ChannelKeyFetches);
    }

    [Fact]
    public async Task Authenticate_ConcurrentFirstRequests_FetchKeysOnce()
    {
        await using var f = await AuthFixture.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => f.AuthenticateAsync("Bearer " + f.ChannelToken(), AuthFixture.Activity())));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(1, f.Login.ChannelKeyFetches);
    }
}
