using PeerBot.Hosting;

if (await PeerBotCli.TryRunAsync(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPeerBot();                       // composition: Hosting/PeerBotHost.cs

var app = builder.Build();
app.UsePeerBot();
app.Run();
