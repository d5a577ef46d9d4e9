using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Words that work anywhere (<c>menu</c>, <c>help</c>, <c>peer</c>, <c>cancel</c>, <c>my data</c>, <c>delete my
/// data</c>, <c>privacy</c>, <c>my plan</c>, <c>my goals</c>, a language name). Each either ends the running dialogs cleanly or
/// answers and then asks the waiting question again. SMS STOP is not here: the channel layer owns it.
/// </summary>
internal sealed class GlobalCommands(StepRunner runner)
{
    public static GlobalWord? Recognize(TurnContext ctx, string text)
    {
        var normalized = AnswerMatcher.Normalize(text);
        if (normalized.Length == 0 || normalized.Length > 40)
            return null;
        foreach (var (word, list) in ctx.Global.Words)
        {
            if (word is GlobalWord.Yes or GlobalWord.No or GlobalWord.Skip)
                continue;
            if (list.Normalized.Contains(normalized))
                return word;
        }
        return null;
    }

    public async Task RunAsync(TurnContext ctx, GlobalWord command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case GlobalWord.Menu:
                ctx.State.Stack.Clear();
                StepRunner.Start(ctx, ctx.Global.Main);
                break;
            case GlobalWord.Help:
                StepRunner.Start(ctx, ctx.Global.Help, interruption: ctx.Top is not null);
                break;
            case GlobalWord.MyPlan:
                StepRunner.Start(ctx, ctx.Global.Plan, interruption: ctx.Top is not null);
                break;
            case GlobalWord.MyGoals:
                StepRunner.Start(ctx, ctx.Global.Goals, interruption: ctx.Top is not null);
                break;
            case GlobalWord.Peer:
                ctx.State.Stack.Clear();
                ctx.Events.Add(new DialogEvent.HandoffRequested("requested"));
                ctx.Say(ctx.GlobalText(GlobalText.Peer));
                return;
            case GlobalWord.Cancel:
                ctx.State.Stack.Clear();
                ctx.Say(ctx.GlobalText(GlobalText.Cancelled));
                return;
            case GlobalWord.MyData:
                Privacy(ctx, "my-data", GlobalText.MyData);
                break;
            case GlobalWord.DeleteMyData:
                Privacy(ctx, "delete-my-data", GlobalText.DeleteMyData);
                break;
            case GlobalWord.Privacy:
                Privacy(ctx, "privacy", GlobalText.Privacy);
                break;
            case GlobalWord.English or GlobalWord.Spanish:
                ctx.Locale = command == GlobalWord.English ? "en" : "es";
                ctx.State.Locale = ctx.Locale;
                ctx.Events.Add(new DialogEvent.LocaleChanged(ctx.Locale));
                ctx.Say(ctx.GlobalText(GlobalText.Language));
                Resume(ctx);
                break;
        }
        await runner.ContinueAsync(ctx, cancellationToken);
    }

    private static void Privacy(TurnContext ctx, string command, GlobalText reply)
    {
        ctx.Events.Add(new DialogEvent.PrivacyCommand(command));
        ctx.Say(ctx.GlobalText(reply));
        Resume(ctx);
    }

    /// <summary>Asks the waiting question again so the client can carry on where they were.</summary>
    private static void Resume(TurnContext ctx)
    {
        if (ctx.Top is not { Waiting: true } frame)
            return;
        if (ctx.Catalog.Find(frame.DialogId)?.Find(frame.StepId) is PromptStep prompt)
            StepRunner.Ask(ctx, frame, prompt, ctx.GlobalText(GlobalText.Resumed));
    }
}
