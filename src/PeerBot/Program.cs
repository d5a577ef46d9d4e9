using PeerBot.BotFramework;
using PeerBot.Channels;
using PeerBot.Channels.DirectLine;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Handoff;
using PeerBot.Hosting;
using PeerBot.Safety;
using PeerBot.Scheduling;

if (await PeerBotCli.TryRunAsync(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeerBotData();
builder.Services.AddBotFramework(builder.Configuration, builder.Environment);
builder.Services.AddSafety().AddDialogs().AddHandoff().AddChannels().AddConversations();
builder.Services.AddPeerBotHosting();
builder.Services.AddScheduling();          // check-ins and reminders

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapConversations();                   // POST /api/messages
app.MapDirectLine();                      // local web chat (Development)
app.MapTwilioSms();                       // POST /api/sms/twilio (direct Twilio, when configured)
app.MapGet("/healthz", () => TypedResults.Ok("ok"));
app.Run();
