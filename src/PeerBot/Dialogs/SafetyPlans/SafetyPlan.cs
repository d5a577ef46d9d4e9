using PeerBot.Conversations;

namespace PeerBot.Dialogs.SafetyPlans;

/// <summary>A client's safety plan, decrypted: the parts they have written, in their own words.</summary>
public sealed record SafetyPlan(IReadOnlyDictionary<SafetyPlanSection, ClientText> Sections, DateTimeOffset UpdatedAt);
