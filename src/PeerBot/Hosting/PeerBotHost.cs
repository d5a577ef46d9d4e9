using PeerBot.BotFramework;
using PeerBot.Channels;
using PeerBot.Channels.DirectLine;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Language;
using PeerBot.PeerConsole;
using PeerBot.Resources;
using PeerBot.Safety;
using PeerBot.Scheduling;
using PeerBot.Summaries;

namespace PeerBot.Hosting;

/// <summary>
/// The whole service's composition, in one place: <c>Program</c> uses it, and so does the start-up warm-up
/// (<see cref="TurnWarmUp"/>), which runs a private copy of the service before the real one takes traffic.
/// </summary>
public static class PeerBotHost
{
    public static WebApplicationBuilder AddPeerBot(this WebApplicationBuilder builder)
    {
        builder.AddPeerBotData();
        builder.Services.AddBotFramework(builder.Configuration, builder.Environment);
        builder.Services.AddSafety().AddDialogs().AddHandoff().AddChannels().AddConversations();
        builder.Services.AddAzureLanguage(builder.Configuration);   // only when PeerBot:AzureLanguage:Endpoint is set
        builder.Services.AddResources(builder.Configuration);
        builder.Services.AddPeerConsole();
        builder.Services.AddSummaries(builder.Configuration); // consent, opt-in summaries, erasure, key ring at rest + check
        builder.Services.AddPeerBotHosting(builder.Configuration);
        builder.Services.AddScheduling();          // check-ins and reminders
        return builder;
    }

    public static WebApplication UsePeerBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePeerConsoleHeaders();              // CSP and friends on /console and its APIs
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.MapConversations();                   // POST /api/messages
        app.MapHandoff();                         // /api/handoffs (peer console API)
        app.MapPeerConsole();                     // /console, /api/auth/login, /api/console/*, coordinator board
        app.MapSummaries();                       // /api/console/summaries, clients/{key}/export, audit (admin)
        app.MapDirectLine();                      // local web chat (Development)
        app.MapTwilioSms();                       // POST /api/sms/twilio (direct Twilio, when configured)
        app.MapHealth();                          // /healthz, /readyz
        return app;
    }
}
