using PeerBot.Dialogs.SafetyPlans;

namespace PeerBot.Dialogs.Definitions;

/// <summary>Asks for a person: emits a handoff request with <see cref="Reason"/>.</summary>
public sealed record HandoffStep(string Id, int Line, string? Next, string Reason) : StepDefinition(Id, Line, Next);

/// <summary>Reports a finished check-in from the variables named here.</summary>
public sealed record CheckInCompletedStep(
    string Id, int Line, string? Next, string Mood, string Craving, string Sleep, string Use)
    : StepDefinition(Id, Line, Next);

/// <summary>Records a fact for the client's summary (kind and templated detail; never free text).</summary>
public sealed record FactStep(string Id, int Line, string? Next, string Kind, string Detail)
    : StepDefinition(Id, Line, Next);

/// <summary>Looks up services by category and place and lists them.</summary>
public sealed record FindResourcesStep(
    string Id, int Line, string? Next, string Category, string? Place, int Max, LocalizedText Found,
    LocalizedText None)
    : StepDefinition(Id, Line, Next);

/// <summary>Saves the free-text variable <see cref="From"/> as one part of the client's safety plan.</summary>
public sealed record PlanSaveStep(string Id, int Line, string? Next, SafetyPlanSection Section, string From)
    : StepDefinition(Id, Line, Next);

/// <summary>Shows the client's safety plan, part by part, or <see cref="Empty"/> when there is none.</summary>
public sealed record PlanShowStep(
    string Id, int Line, string? Next, LocalizedText Heading, LocalizedText Empty,
    IReadOnlyDictionary<SafetyPlanSection, LocalizedText> Titles)
    : StepDefinition(Id, Line, Next);
