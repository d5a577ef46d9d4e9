using PeerBot.BotFramework;
using PeerBot.Channels;
using PeerBot.Channels.DirectLine;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Hosting;
using PeerBot.Language;
using PeerBot.PeerConsole;
using PeerBot.Resources;
using PeerBot.Safety;
using PeerBot.Scheduling;
using PeerBot.Summaries;

if (await PeerBotCli.TryRunAsync(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeerBotData();
builder.Services.AddBotFramework(builder.Configuration, builder.Environment);
builder.Services.AddSafety().AddDialogs().AddHandoff().AddChannels().AddConversations();
builder.Services.AddAzureLanguage(builder.Configuration);   // only when PeerBot:AzureLanguage:Endpoint is set
builder.Services.AddResources(builder.Configuration);
builder.Services.AddPeerConsole();
builder.Services.AddSummaries(builder.Configuration); // consent, opt-in summaries, erasure, key ring at rest + check
builder.Services.AddPeerBotHosting();
builder.Services.AddScheduling();          // check-ins and reminders

var app = builder.Build();

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
app.Run();
