namespace PeerBot.Dialogs.Definitions;

/// <summary>Which part of a goal a <see cref="GoalSaveStep"/> writes.</summary>
public enum GoalPart { Goal, Step }

/// <summary>
/// Saves the free-text variable <see cref="From"/> as goal number <see cref="Slot"/> (a template such as
/// <c>{which}</c> that gives 1 to 3) or as that goal's step for this week. Encrypted, like the safety plan.
/// </summary>
public sealed record GoalSaveStep(string Id, int Line, string? Next, string Slot, GoalPart Part, string From)
    : StepDefinition(Id, Line, Next);

/// <summary>Removes goal number <see cref="Slot"/>.</summary>
public sealed record GoalRemoveStep(string Id, int Line, string? Next, string Slot) : StepDefinition(Id, Line, Next);

/// <summary>Puts how many goals the client has (0 to 3) into the variable <see cref="Save"/>.</summary>
public sealed record GoalsLoadStep(string Id, int Line, string? Next, string Save) : StepDefinition(Id, Line, Next);

/// <summary>Notes how this week's steps went, from the (choice) variable <see cref="From"/>.</summary>
public sealed record GoalProgressStep(string Id, int Line, string? Next, string From) : StepDefinition(Id, Line, Next);

/// <summary>
/// Shows the client's goals, each with its step for this week after <see cref="StepLabel"/>, or <see cref="Empty"/>.
/// </summary>
public sealed record GoalsShowStep(
    string Id, int Line, string? Next, LocalizedText Heading, LocalizedText Empty, LocalizedText StepLabel)
    : StepDefinition(Id, Line, Next);
