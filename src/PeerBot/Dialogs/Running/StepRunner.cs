using System.Globalization;
using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Moves the dialog stack forward: runs steps until a question waits for the client or no dialog is left.
/// </summary>
internal sealed class StepRunner(ActionRunner actions, ILogger logger)
{
    private const int MaxStepsPerTurn = 200;

    public static void Start(TurnContext ctx, string dialogId, bool interruption = false)
    {
        var dialog = ctx.Catalog.Find(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not loaded.");
        ctx.State.Stack.Add(new DialogFrame { DialogId = dialog.Id, StepId = dialog.First.Id, Interruption = interruption });
    }

    /// <summary>Clears the stack after a dialog file changed under a stored position, apologises, shows the menu.</summary>
    public void Restart(TurnContext ctx)
    {
        DialogsLog.PositionLost(logger, ctx.Input.ConversationKey, ctx.Top?.DialogId ?? "-", ctx.Top?.StepId ?? "-");
        ctx.State.Stack.Clear();
        ctx.Say(ctx.GlobalText(GlobalText.Restarted));
        Start(ctx, ctx.Global.Main);
    }

    public async Task ContinueAsync(TurnContext ctx, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxStepsPerTurn; i++)
        {
            var frame = ctx.Top;
            if (frame is null || frame.Waiting)
                return;
            var dialog = ctx.Catalog.Find(frame.DialogId);
            var step = dialog?.Find(frame.StepId);
            if (dialog is null || (frame.StepId is not null && step is null))
                Restart(ctx);
            else if (step is null)
                Return(ctx, result: null);
            else
                await RunStepAsync(ctx, dialog, frame, step, cancellationToken);
        }
        throw new InvalidOperationException(
            $"Dialog '{ctx.Top?.DialogId}' ran {MaxStepsPerTurn} steps in one turn without asking anything.");
    }

    /// <summary>Asks a prompt (again), optionally after a line such as "Back to where we were".</summary>
    public static void Ask(TurnContext ctx, DialogFrame frame, PromptStep prompt, string? before = null)
    {
        var text = ctx.Text(prompt.Text, frame);
        ctx.Ask(before is null ? text : $"{before}\n{text}", Choices(ctx, prompt));
        frame.StepId = prompt.Id;
        frame.Waiting = true;
    }

    public static IReadOnlyList<string> Choices(TurnContext ctx, PromptStep prompt) => prompt switch
    {
        ChoiceStep c => c.Options.Select(o => ctx.Text(o.Label, null)).ToList(),
        YesNoStep => [ctx.GlobalText(GlobalText.Yes), ctx.GlobalText(GlobalText.No)],
        _ => [],
    };

    /// <summary>Ends the top dialog and hands <paramref name="result"/> to the one below, if any.</summary>
    public void Return(TurnContext ctx, string? result)
    {
        var ended = ctx.Top!;
        ctx.State.Stack.RemoveAt(ctx.State.Stack.Count - 1);
        DialogsLog.DialogEnded(logger, ctx.Input.ConversationKey, ended.DialogId, result ?? "-");
        var caller = ctx.Top;
        if (caller is null)
            return;
        var dialog = ctx.Catalog.Find(caller.DialogId);
        var step = dialog?.Find(caller.StepId);
        switch (step)
        {
            case null:
                Restart(ctx);
                break;
            case PromptStep prompt when caller.Waiting:
                Ask(ctx, caller, prompt, ended.Interruption ? ctx.GlobalText(GlobalText.Resumed) : null);
                break;
            case CallStep call:
                if (call.Save is not null)
                    caller.Variables[call.Save] = result ?? string.Empty;
                caller.StepId = dialog!.NextOf(call);
                break;
            default:
                caller.StepId = dialog!.NextOf(step);
                break;
        }
    }

    private async Task RunStepAsync(
        TurnContext ctx, DialogDefinition dialog, DialogFrame frame, StepDefinition step, CancellationToken cancellationToken)
    {
        var next = dialog.NextOf(step);
        switch (step)
        {
            case PromptStep prompt:
                frame.Attempts = 0;
                Ask(ctx, frame, prompt);
                return;
            case MessageStep message:
                ctx.Say(ctx.Text(message.Text, frame));
                break;
            case SetStep set:
                frame.Variables[set.Variable] = ctx.Render(set.Value, frame);
                break;
            case BranchStep branch:
                next = branch.Cases.FirstOrDefault(c => c.When.Holds(frame.Variables))?.Next ?? branch.Else;
                break;
            case CallStep call:
                DialogsLog.DialogStarted(logger, ctx.Input.ConversationKey, call.Dialog);
                Start(ctx, call.Dialog);
                return;
            case GoStep go:
                ctx.State.Stack.RemoveAt(ctx.State.Stack.Count - 1);
                DialogsLog.DialogStarted(logger, ctx.Input.ConversationKey, go.Dialog);
                Start(ctx, go.Dialog, frame.Interruption);
                return;
            case EndStep end:
                Return(ctx, end.Result);
                return;
            case HandoffStep handoff:
                ctx.Events.Add(new DialogEvent.HandoffRequested(handoff.Reason));
                break;
            case CheckInCompletedStep checkIn:
                ctx.Events.Add(new DialogEvent.CheckInCompleted(
                    Number(frame, checkIn.Mood), Number(frame, checkIn.Craving),
                    frame.Variables.GetValueOrDefault(checkIn.Sleep),
                    string.Equals(frame.Variables.GetValueOrDefault(checkIn.Use), "yes", StringComparison.Ordinal)));
                break;
            case FactStep fact:
                ctx.Events.Add(new DialogEvent.SummaryFact(fact.Kind, ctx.Render(fact.Detail, frame)));
                break;
            case OnceStep once:
                next = ctx.State.Marks.Contains(once.Key) ? once.Later : once.First;
                if (next == once.First)
                    ctx.State.Marks.Add(once.Key);
                break;
            case ScheduleCancelStep { Number: not null } numbered
                when !await actions.ReminderExistsAsync(ctx, frame, numbered, cancellationToken):
                next = numbered.Missing ?? next;
                break;
            case var _ when ScheduleActions.TryRun(ctx, frame, step, logger):
                break;
            default:
                await actions.RunAsync(ctx, frame, step, cancellationToken);
                break;
        }
        frame.StepId = next;
    }

    private static int Number(DialogFrame frame, string variable) =>
        int.TryParse(frame.Variables.GetValueOrDefault(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
}
