namespace PeerBot.Handoff;

/// <summary>A handoff as the console and the API show it. <see cref="Explanation"/> may quote the client.</summary>
public sealed record HandoffView(
    Guid Id,
    string State,
    string Reason,
    string Tier,
    string? Category,
    string? Explanation,
    int? Position,
    double WaitSeconds,
    double LimitSeconds,
    bool SlaBreached,
    bool Escalated,
    DateTimeOffset CreatedAt,
    DateTimeOffset QueuedAt,
    DateTimeOffset? ClaimedAt,
    string? PeerId,
    string? PeerName,
    string? Outcome,
    DateTimeOffset? ClosedAt,
    string Channel,
    bool DebriefDue,
    bool FlaggedForSupervisor,
    bool ClientUnreachable);

/// <summary>One handoff with the context panel (messages before the escalation) and the live transcript.</summary>
/// <see cref="EarlierSummaries"/>: the client's opted-in summaries, newest first (empty when they did not opt in).
/// <see cref="Recovery"/>: the client's goals and safety plan, once the handoff is picked up (null while queued).
public sealed record HandoffDetail(HandoffView Handoff, IReadOnlyList<TranscriptLine> Context, IReadOnlyList<TranscriptLine> Messages,
    IReadOnlyList<Summaries.SummaryView>? EarlierSummaries = null, RecoveryContext? Recovery = null);
