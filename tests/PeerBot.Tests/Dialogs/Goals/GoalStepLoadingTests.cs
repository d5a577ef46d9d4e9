using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Loading;
using Xunit;

namespace PeerBot.Tests.Dialogs.Goals;

public sealed class GoalStepLoadingTests
{
    private const string Sample = """
        id: sample
        steps:
          - id: which
            type: choice
            save: which
            text: { en: "Which?", es: "¿Cuál?" }
            options:
              - { value: "1", label: { en: "One", es: "Una" } }
          - id: ask
            type: text
            save: answer
            text: { en: "Your goal?", es: "¿Tu meta?" }
          - id: keep
            type: goal-save
            slot: "{which}"
            part: goal
            from: answer
          - id: count
            type: goals-load
            save: goals
          - id: show
            type: goals-show
            heading: { en: "You have {goals}:", es: "Tienes {goals}:" }
            empty: { en: "None.", es: "Ninguna." }
            step-label: { en: "this week:", es: "esta semana:" }
        """;

    [Fact]
    public void Load_GoalSteps_ParsedWithTheirSettings()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Sample);

        var result = DialogLoader.Load(dialogs.Folder);

        Assert.True(result.IsValid, result.Describe());
        var sample = result.Catalog!.Find("sample")!;
        var keep = Assert.IsType<GoalSaveStep>(sample.Find("keep"));
        Assert.Equal(("{which}", GoalPart.Goal, "answer"), (keep.Slot, keep.Part, keep.From));
        Assert.Equal("goals", Assert.IsType<GoalsLoadStep>(sample.Find("count")).Save);
        Assert.Equal("goals", result.Catalog.Global.Goals);
    }

    [Fact]
    public void Load_UnknownGoalPart_NamesFileLineAndPath()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Sample.Replace("part: goal", "part: dream"));

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors, e => e.Path == "steps[keep].part");

        Assert.Equal(("dialogs/sample.yaml", 13), (error.File, error.Line));
        Assert.Contains("unknown goal part 'dream'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FreeTextAsGoalNumber_IsAnError()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Sample.Replace("slot: \"{which}\"", "slot: \"{answer}\""));

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        Assert.Contains(errors, e => e.Path == "steps[keep]" && e.Message.Contains("'answer' holds free text", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GlobalWithoutGoalsRole_IsAnError()
    {
        using var dialogs = new TempDialogs().Edit("global.yaml", "goals: goals", "goal: goals");

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        Assert.Contains(errors, e => e.File == "dialogs/global.yaml" && e.Message.Contains("'goals' is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "dialogs/global.yaml" && e.Path == "goal");
    }
}
