using System.Globalization;
using System.Text;
using PeerBot.Conversations;
using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.Goals;

namespace PeerBot.Dialogs.Running;

/// <summary>Steps that read or write the client's recovery goals (encrypted by <see cref="GoalsStore"/>).</summary>
internal sealed class GoalActions(IServiceScopeFactory scopes)
{
    public static bool Handles(StepDefinition step) =>
        step is GoalSaveStep or GoalRemoveStep or GoalsLoadStep or GoalProgressStep or GoalsShowStep;

    public async Task RunAsync(TurnContext ctx, DialogFrame frame, StepDefinition step, CancellationToken cancellationToken)
    {
        var store = ctx.Services(scopes).GetRequiredService<GoalsStore>();
        var key = ctx.Input.ConversationKey;
        switch (step)
        {
            case GoalSaveStep save:
                var text = ctx.Lookup(save.From, frame);
                if (string.IsNullOrWhiteSpace(text) || Slot(ctx, frame, save.Slot) is not { } slot)
                    return;
                if (save.Part == GoalPart.Goal)
                    await store.SaveGoalAsync(key, slot, new ClientText(text), cancellationToken);
                else
                    await store.SaveStepAsync(key, slot, new ClientText(text), cancellationToken);
                break;
            case GoalRemoveStep remove:
                if (Slot(ctx, frame, remove.Slot) is { } removed)
                    await store.RemoveAsync(key, removed, cancellationToken);
                break;
            case GoalsLoadStep load:
                var count = await store.CountAsync(key, cancellationToken);
                frame.Variables[load.Save] = count.ToString(CultureInfo.InvariantCulture);
                break;
            case GoalProgressStep progress:
                if (ctx.Lookup(progress.From, frame) is { Length: > 0 } went)
                    await store.RecordProgressAsync(key, went, cancellationToken);
                break;
            case GoalsShowStep show:
                ctx.Say(await ShowAsync(ctx, frame, store, show, cancellationToken));
                break;
        }
    }

    private static async Task<string> ShowAsync(
        TurnContext ctx, DialogFrame frame, GoalsStore store, GoalsShowStep show, CancellationToken cancellationToken)
    {
        var goals = await store.GetAsync(ctx.Input.ConversationKey, cancellationToken);
        if (goals is null || goals.Goals.Count == 0)
            return ctx.Text(show.Empty, frame);
        var text = new StringBuilder(ctx.Text(show.Heading, frame));
        foreach (var goal in goals.Goals)
        {
            text.Append('\n').Append(goal.Slot).Append(". ").Append(goal.Goal.Value);
            if (goal.Step is { } weekStep)
                text.Append(" (").Append(ctx.Text(show.StepLabel, frame)).Append(' ').Append(weekStep.Value).Append(')');
        }
        return text.ToString();
    }

    private static int? Slot(TurnContext ctx, DialogFrame frame, string template) =>
        int.TryParse(ctx.Render(template, frame).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var slot)
            && slot is >= 1 and <= GoalsStore.MaxGoals
            ? slot
            : null;
}
