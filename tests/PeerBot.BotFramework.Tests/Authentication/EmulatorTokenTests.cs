using PeerBot.BotFramework.Schema;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests.Authentication;

public sealed class EmulatorTokenTests
{
    private const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string EmulatorIssuerV2 = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    [Theory]
    [InlineData(EmulatorIssuerV1, "1.0", "appid")]
    [InlineData(EmulatorIssuerV2, "2.0", "azp")]
    public async Task Authenticate_EmulatorTokenForThisApp_Succeeds(string issuer, string version, string appIdClaim)
    {
        await using var f = await AuthFixture.StartAsync();
        var key = new TestSigningKey("emu-1");
        f.Login.AddEmulatorKey(key);
        var activity = AuthFixture.Activity(channelId: "emulator", serviceUrl: "http://localhost:50123");

        var result = await f.AuthenticateAsync("Bearer " + EmulatorToken(f, key, issuer, version, appIdClaim, AuthFixture.AppId), activity);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(CallerIds.PublicAzureChannel, activity.CallerId);
    }

    [Fact]
    public async Task Authenticate_EmulatorTokenOfAnotherApp_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();
        var key = new TestSigningKey("emu-1");
        f.Login.AddEmulatorKey(key);

        var result = await f.AuthenticateAsync("Bearer " + EmulatorToken(f, key, EmulatorIssuerV1, "1.0", "appid", "other-app"),
            AuthFixture.Activity(channelId: "emulator"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_EmulatorIssuerSignedWithChannelKey_Rejected401()
    {
        await using var f = await AuthFixture.StartAsync();

        var result = await f.AuthenticateAsync("Bearer " + EmulatorToken(f, f.Key, EmulatorIssuerV1, "1.0", "appid", AuthFixture.AppId),
            AuthFixture.Activity(channelId: "emulator"));

        Assert.Equal(401, result.StatusCode);
    }

    private static string EmulatorToken(AuthFixture f, TestSigningKey key, string issuer, string version, string appIdClaim, string appId)
    {
        var now = f.Clock.GetUtcNow();
        return key.CreateToken(issuer, AuthFixture.AppId, now.AddMinutes(-1), now.AddMinutes(59),
            new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = appId });
    }
}
