using Microsoft.EntityFrameworkCore;
using PeerBot.Data;

namespace PeerBot.Channels;

/// <summary>A conversation's <see cref="ChannelState"/>, read on every turn and every send (compiled once per provider).</summary>
internal static class ChannelStateQueries
{
    public static CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ChannelState?>>> Tracked { get; } =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<ChannelState>().SingleOrDefault(s => s.ConversationKey == key)));

    public static CompiledQuery<Func<PeerBotDb, string, CancellationToken, Task<ChannelState?>>> Untracked { get; } =
        new(() => EF.CompileAsyncQuery((PeerBotDb db, string key, CancellationToken _) =>
            db.Set<ChannelState>().AsNoTracking().FirstOrDefault(s => s.ConversationKey == key)));
}
