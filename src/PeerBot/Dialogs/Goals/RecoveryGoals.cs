using PeerBot.Conversations;

namespace PeerBot.Dialogs.Goals;

/// <summary>
/// A client's recovery goals, decrypted: up to <see cref="GoalsStore.MaxGoals"/> goals in their own words, each
/// with a small step for this week, and how the client said the week's steps went at their last check-in.
/// </summary>
public sealed record RecoveryGoals(
    IReadOnlyList<RecoveryGoal> Goals, string? LastProgress, DateTimeOffset? ProgressAt, DateTimeOffset UpdatedAt);

/// <summary>One goal (slot 1 to 3) and its step for this week, both the client's words.</summary>
public sealed record RecoveryGoal(int Slot, ClientText Goal, ClientText? Step);
