using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Resources;
using PeerBot.Scheduling;

namespace PeerBot.Tests.Dialogs;

/// <summary>
/// The real dialog engine and renderer with their real dependencies: the shipped dialogs folder (or another one),
/// a SQLite file in a temp folder, and ephemeral Data Protection keys. Each test owns one.
/// </summary>
internal sealed class DialogTestHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peerbot-dialogs-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public DialogTestHost(string? dialogsFolder = null)
    {
        Directory.CreateDirectory(_folder);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DialogOptions.Section}:Path"] = dialogsFolder ?? RepoPaths.Dialogs,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<PeerBotDb, SqlitePeerBotDb>(o => o.UseSqlite($"Data Source={DatabasePath};Pooling=false"));
        services.AddDialogs();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddResources(config);
        services.AddSingleton<ReplyRenderer>();
        services.AddOptions<SchedulingOptions>();
        services.AddScoped<CheckInScheduler>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PeerBotDb>().Database.EnsureCreated();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The SQLite file behind this host (for tests that read what is stored, byte for byte).</summary>
    public string DatabasePath => Path.Combine(_folder, "test.db");

    public IServiceProvider Services => _services;

    public DialogEngine Engine => _services.GetRequiredService<DialogEngine>();

    public ReplyRenderer Renderer => _services.GetRequiredService<ReplyRenderer>();

    public string ConversationKey { get; } = "conv-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The state as the pipeline stores it: JSON between turns.</summary>
    public string StateJson { get; private set; } = JsonSerializer.Serialize(new DialogState());

    public async Task<DialogTurnResult> SendAsync(
        string text, string channel = "webchat", string locale = "en-US",
        DialogInputKind kind = DialogInputKind.Message, bool offerPeer = false)
    {
        var state = JsonSerializer.Deserialize<DialogState>(StateJson)!;
        var input = new DialogInput(kind, ConversationKey, new ClientText(text), null, channel, locale,
            TimeProvider.System.GetUtcNow(), offerPeer);
        var result = await Engine.RunAsync(input, state, CancellationToken.None);
        StateJson = JsonSerializer.Serialize(state);
        await ApplySchedulingAsync(result.Events);
        return result;
    }

    /// <summary>Stores scheduling events as the turn pipeline does, so a later step lists what an earlier one set.</summary>
    private async Task ApplySchedulingAsync(IReadOnlyList<DialogEvent> events)
    {
        if (!events.Any(e => e is DialogEvent.ScheduleRequested or DialogEvent.ScheduleCancelled or DialogEvent.QuietHoursChanged))
            return;
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckInScheduler>().ApplyAsync(ConversationKey, events, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<PeerBotDb>().SaveChangesAsync();
    }

    public void SetState(DialogState state) => StateJson = JsonSerializer.Serialize(state);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A still-open SQLite handle on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
