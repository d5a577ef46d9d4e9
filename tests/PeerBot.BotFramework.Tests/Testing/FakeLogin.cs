using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PeerBot.BotFramework.Tests.Testing;

/// <summary>
/// The identity side of Azure Bot Service on a real https loopback server: OpenID metadata and JWKS (with
/// endorsements) for channel and Emulator tokens, and an Entra-style client-credentials token endpoint.
/// </summary>
internal sealed class FakeLogin : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _channelKeys = [];
    private readonly List<JsonObject> _emulatorKeys = [];
    private int _channelKeyFetches;
    private int _tokenRequests;

    private FakeLogin(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }
    public LoopbackServer Server { get; private set; } = null!;
    public int ChannelKeyFetches => Volatile.Read(ref _channelKeyFetches);
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>expires_in of issued tokens.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Delay before the token endpoint answers (to make concurrent callers overlap).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    public string ChannelMetadataUrl => Server.BaseUrl + "v1/.well-known/openidconfiguration";
    public string EmulatorMetadataUrl => Server.BaseUrl + "emulator/v2.0/.well-known/openid-configuration";
    public string AuthorityHost => Server.BaseUrl.TrimEnd('/');

    public static async Task<FakeLogin> StartAsync()
    {
        var login = new FakeLogin(TestCertificate.Create());
        login.Server = await LoopbackServer.StartAsync(login.Map, login.Certificate);
        return login;
    }

    public void AddChannelKey(TestSigningKey key, params string[] endorsements)
    {
        lock (_gate)
            _channelKeys.Add(key.ToJwk(endorsements));
    }

    public void AddEmulatorKey(TestSigningKey key)
    {
        lock (_gate)
            _emulatorKeys.Add(key.ToJwk());
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Metadata("v1/.well-known/keys"));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _channelKeyFetches);
            return Keys(_channelKeys);
        });
        app.MapGet("/emulator/v2.0/.well-known/openid-configuration", () => Metadata("emulator/keys"));
        app.MapGet("/emulator/keys", () => Keys(_emulatorKeys));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context) =>
        {
            var number = Interlocked.Increment(ref _tokenRequests);
            await Task.Delay(TokenDelay);
            return Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = TokenLifetimeSeconds,
                ["ext_expires_in"] = TokenLifetimeSeconds,
                ["access_token"] = $"token-{tenant}-{number}",
            });
        });
    }

    private IResult Metadata(string keysPath) => Results.Json(new JsonObject
    {
        ["issuer"] = "https://api.botframework.com",
        ["jwks_uri"] = Server.BaseUrl + keysPath,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    });

    private IResult Keys(List<JsonObject> keys)
    {
        lock (_gate)
            return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.DeepClone())]) });
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Certificate.Dispose();
    }
}
