using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PeerBot.Tests.Channels;

/// <summary>
/// The network edge: Twilio's REST Messages API as a real HTTP server on 127.0.0.1 that records every message
/// PeerBot sends and can be told to fail (500) or refuse a number (400, code 21610).
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "test-auth-token";
    public const string FromNumber = "+15550001111";

    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _next;

    private FakeTwilio(WebApplication app) => _app = app;

    public ConcurrentQueue<TwilioRequest> Received { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public int FailureCode { get; set; }

    public IReadOnlyList<string> BodiesTo(string number) =>
        Received.Where(r => r.Form.GetValueOrDefault("To") == number).Select(r => r.Form.GetValueOrDefault("Body") ?? string.Empty).ToList();

    public void FailNext(int count, int code = 0)
    {
        FailureCode = code;
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["PeerBot:Twilio:AccountSid"] = AccountSid,
        ["PeerBot:Twilio:AuthToken"] = AuthToken,
        ["PeerBot:Twilio:FromNumber"] = FromNumber,
        ["PeerBot:Twilio:ApiBaseUrl"] = BaseUrl,
        ["PeerBot:Scheduling:Enabled"] = "false",
    };

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    private async Task<IResult> HandleAsync(string sid, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return FailureCode == 0
                ? Results.Json(new { code = 20500, message = "Internal error", status = 500 }, statusCode: 500)
                : Results.Json(new { code = FailureCode, message = "Refused", status = 400 }, statusCode: 400);
        }
        Received.Enqueue(new TwilioRequest(sid, request.Headers.Authorization.ToString(),
            form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)));
        var id = Interlocked.Increment(ref _next);
        return Results.Json(new { sid = $"SM{id:D32}", status = "queued" }, statusCode: (int)HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record TwilioRequest(string AccountSid, string Authorization, IReadOnlyDictionary<string, string> Form);
