namespace PeerBot.Summaries;

/// <summary>What a summary says: the structure, and a short narrative generated from it.</summary>
public sealed record SummaryContent(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<CheckInLine> CheckIns,
    string? Trend,
    IReadOnlyList<StrategyLine> Strategies,
    IReadOnlyList<string> Resources,
    IReadOnlyList<SafetyFlagLine> SafetyFlags,
    IReadOnlyList<HandoffLine> Handoffs,
    string Narrative);

public sealed record CheckInLine(DateTimeOffset At, int Mood, int Craving, string? Sleep, bool AnyUse);

/// <summary>A coping strategy tried; <see cref="Helped"/> null when the client did not say.</summary>
public sealed record StrategyLine(string Name, bool? Helped);

public sealed record SafetyFlagLine(DateTimeOffset At, string Tier, string Category);

/// <summary>A closed handoff: outcome and the peer's private note (redacted).</summary>
public sealed record HandoffLine(DateTimeOffset ClosedAt, string Outcome, string? PeerNote);
