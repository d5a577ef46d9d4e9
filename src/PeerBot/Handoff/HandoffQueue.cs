using Microsoft.EntityFrameworkCore;
using PeerBot.Data;
using PeerBot.Safety;

namespace PeerBot.Handoff;

/// <summary>Opens handoff requests: one open request per conversation, raised (never lowered) in priority.</summary>
public sealed class HandoffQueue(PeerBotDb db, TimeProvider clock)
{
    /// <summary>
    /// Adds the request to the context (the caller saves it with the turn's state). If the conversation already
    /// has an open request, it is raised to the more urgent reason and tier instead.
    /// </summary>
    public async Task<HandoffRequest> OpenAsync(
        string conversationKey, HandoffReason reason, DistressSignal? signal, CancellationToken cancellationToken)
    {
        var open = await db.Set<HandoffRequest>()
            .Where(h => h.ConversationKey == conversationKey && h.State != HandoffState.Closed)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            if (Priority(reason) < Priority(open.Reason))
                open.Reason = reason;
            if (signal is not null && signal.Tier > open.Tier)
            {
                open.Tier = signal.Tier;
                open.Category = signal.Category;
                open.Explanation = signal.Explanation;
            }
            return open;
        }

        var request = new HandoffRequest
        {
            Id = Guid.NewGuid(),
            ConversationKey = conversationKey,
            Reason = reason,
            Tier = signal?.Tier ?? DistressTier.None,
            Category = signal?.Category,
            Explanation = signal?.Explanation,
            State = HandoffState.Queued,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(request);
        return request;
    }

    /// <summary>Crisis &gt; high &gt; requested (and check-in) &gt; moderate.</summary>
    public static int Priority(HandoffReason reason) => reason switch
    {
        HandoffReason.Crisis => 0,
        HandoffReason.High => 1,
        HandoffReason.Requested or HandoffReason.CheckIn => 2,
        _ => 3,
    };

    public static HandoffReason ReasonFor(DistressTier tier) => tier switch
    {
        DistressTier.Crisis => HandoffReason.Crisis,
        DistressTier.High => HandoffReason.High,
        _ => HandoffReason.Moderate,
    };
}
