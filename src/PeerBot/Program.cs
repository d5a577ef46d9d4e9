using PeerBot.BotFramework;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Hosting;
using PeerBot.Safety;

if (await PeerBotCli.TryRunAsync(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeerBotData();
builder.Services.AddBotFramework(builder.Configuration, builder.Environment);
builder.Services.AddSafety().AddDialogs().AddConversations();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapConversations();                   // POST /api/messages, local Direct Line for the web chat
app.MapGet("/healthz", () => TypedResults.Ok("ok"));
app.Run();
