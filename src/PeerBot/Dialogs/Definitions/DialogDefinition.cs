namespace PeerBot.Dialogs.Definitions;

/// <summary>One dialog from one YAML file. The first step is where it starts.</summary>
public sealed record DialogDefinition
{
    private readonly Dictionary<string, StepDefinition> _byId;
    private readonly Dictionary<string, string?> _following;

    public DialogDefinition(string id, string file, int line, IReadOnlyList<StepDefinition> steps)
    {
        Id = id;
        File = file;
        Line = line;
        Steps = steps;
        _byId = new(StringComparer.Ordinal);
        _following = new(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            _byId.TryAdd(steps[i].Id, steps[i]);
            _following.TryAdd(steps[i].Id, i + 1 < steps.Count ? steps[i + 1].Id : null);
        }
    }

    public string Id { get; }
    public string File { get; }
    public int Line { get; }
    public IReadOnlyList<StepDefinition> Steps { get; }

    public StepDefinition First => Steps[0];

    public StepDefinition? Find(string? stepId) =>
        stepId is not null && _byId.TryGetValue(stepId, out var step) ? step : null;

    /// <summary>Where a step goes on: its own <c>next</c>, else the following step, else nowhere (the dialog ends).</summary>
    public string? NextOf(StepDefinition step) =>
        step.Next ?? (_following.TryGetValue(step.Id, out var following) ? following : null);
}
