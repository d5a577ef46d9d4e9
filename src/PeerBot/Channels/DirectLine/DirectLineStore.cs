using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PeerBot.Channels.DirectLine;

/// <summary>The local web chat's conversations. Memory only: nothing a client types here is written to disk.</summary>
internal sealed class DirectLineStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public DirectLineConversation Create()
    {
        var now = clock.GetUtcNow();
        var conversation = new DirectLineConversation(
            "dl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            now);
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    public DirectLineConversation? Find(string id) => _conversations.GetValueOrDefault(id);

    public DirectLineConversation? FindByToken(string token) =>
        _conversations.Values.FirstOrDefault(c => string.Equals(c.Token, token, StringComparison.Ordinal));

    public void ForgetIdle(TimeSpan idle)
    {
        var cutoff = clock.GetUtcNow() - idle;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastTouched < cutoff)
                _conversations.TryRemove(id, out _);
        }
    }
}
