using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PeerBot.Conversations;

namespace PeerBot.Channels.Sms;

/// <summary>
/// The direct Twilio webhook: <c>POST /api/sms/twilio</c> (incoming messages, run through the same pipeline as
/// every channel) and <c>POST /api/sms/twilio/status</c> (delivery status callbacks). Both check
/// <c>X-Twilio-Signature</c> first (403 when it does not match). Replies go out through Twilio's REST API, so the
/// webhook answers with an empty TwiML document.
/// </summary>
public static class TwilioEndpoints
{
    public const string MessagePath = "/api/sms/twilio";
    public const string StatusPath = "/api/sms/twilio/status";
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagePath, ReceiveMessageAsync).DisableAntiforgery();
        app.MapPost(StatusPath, ReceiveStatusAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveMessageAsync(
        HttpRequest request, IOptionsMonitor<TwilioOptions> options, IServiceScopeFactory scopes,
        ILogger<TwilioMessagesClient> logger, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadSignedFormAsync(request, options.CurrentValue, logger, cancellationToken);
        if (rejection is not null)
            return rejection;

        var (activity, error) = TwilioInbound.ToActivity(form!);
        if (activity is null)
        {
            ChannelsLog.TwilioRejected(logger, "missing or bad field " + error);
            return TypedResults.Problem($"The webhook has no valid {error}.", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<ActivityProcessor>();
        await processor.ProcessAsync(activity, serviceUrlVerified: false, cancellationToken);
        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<IResult> ReceiveStatusAsync(
        HttpRequest request, IOptionsMonitor<TwilioOptions> options, IServiceScopeFactory scopes,
        ILogger<TwilioMessagesClient> logger, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadSignedFormAsync(request, options.CurrentValue, logger, cancellationToken);
        if (rejection is not null)
            return rejection;

        var update = SmsStatusUpdate.From(form!);
        if (update is null)
        {
            ChannelsLog.TwilioRejected(logger, "status callback without MessageSid or MessageStatus");
            return TypedResults.Problem("The callback has no MessageSid or MessageStatus.", statusCode: StatusCodes.Status400BadRequest);
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SmsStatusRecorder>().RecordAsync(update, cancellationToken);
        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<(IReadOnlyDictionary<string, string>? Form, IResult? Rejection)> ReadSignedFormAsync(
        HttpRequest request, TwilioOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
            return (null, TypedResults.NotFound());
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        var url = PublicUrl(request, options);

        if (request.HasJsonContentType())
        {
            // Twilio's JSON webhooks sign the URL (with bodySHA256); SMS webhooks are forms, so a valid one is 415.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (!TwilioSignature.IsValidJson(options.AuthToken!, url, buffer.ToArray(), signature))
                return (null, Forbidden(logger));
            return (null, TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        }
        if (!request.HasFormContentType)
            return (null, TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { ValueLengthLimit = 64 * 1024, ValueCountLimit = 200 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            ChannelsLog.TwilioRejected(logger, "unreadable form");
            return (null, TypedResults.Problem("The form body could not be read.", statusCode: StatusCodes.Status400BadRequest));
        }

        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string?>(f.Key, v)));
        if (!TwilioSignature.IsValid(options.AuthToken!, url, pairs, signature))
            return (null, Forbidden(logger));
        return (form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult Forbidden(ILogger logger)
    {
        ChannelsLog.TwilioRejected(logger, "signature");
        return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The URL Twilio signed: the configured public root if any (proxies), else this request's own.</summary>
    public static string PublicUrl(HttpRequest request, TwilioOptions options)
    {
        var root = !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.Value}";
        return root + request.PathBase.Value + request.Path.Value + request.QueryString.Value;
    }
}
