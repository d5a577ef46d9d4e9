using System.Globalization;
using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// Takes the client's answer to the waiting prompt: a fitting answer moves on; otherwise the prompt is asked again
/// with a retry text, and after <c>max-tries</c> the client is let out gracefully.
/// </summary>
internal sealed class AnswerHandler(StepRunner runner, ILogger logger)
{
    private sealed record Answer(string Value, string? Next, string? Label = null);

    public async Task HandleAsync(
        TurnContext ctx, DialogFrame frame, DialogDefinition dialog, PromptStep prompt, string text,
        CancellationToken cancellationToken)
    {
        var answer = Interpret(ctx, frame, prompt, text);
        if (answer is not null)
        {
            frame.Waiting = false;
            frame.Attempts = 0;
            if (prompt.Save is not null)
            {
                if (prompt is TextStep)
                    ctx.TurnVariables[prompt.Save] = answer.Value;   // free text: this turn only
                else
                    frame.Variables[prompt.Save] = answer.Value;
            }
            if (prompt is ChoiceStep { SaveLabel: { } labelVariable } && answer.Label is not null)
                frame.Variables[labelVariable] = answer.Label;
            frame.StepId = answer.Next ?? dialog.NextOf(prompt);
            await runner.ContinueAsync(ctx, cancellationToken);
            return;
        }

        frame.Attempts++;
        if (frame.Attempts < ctx.Global.MaxTries)
        {
            var retry = prompt.Retry is null
                ? $"{ctx.GlobalText(GlobalText.Retry)} {ctx.Text(prompt.Text, frame)}"
                : ctx.Text(prompt.Retry, frame);
            ctx.Ask(retry, StepRunner.Choices(ctx, prompt));
            return;
        }

        DialogsLog.GaveUp(logger, ctx.Input.ConversationKey, dialog.Id, prompt.Id, frame.Attempts);
        ctx.Say(ctx.GlobalText(GlobalText.GiveUp));
        frame.Waiting = false;
        frame.Attempts = 0;
        if (prompt.GiveUp is not null)
            frame.StepId = prompt.GiveUp;
        else
            runner.Return(ctx, "gave-up");
        await runner.ContinueAsync(ctx, cancellationToken);
    }

    /// <summary>Whether <paramref name="text"/> picks an option of a waiting choice exactly (no number, no typo).</summary>
    public static bool IsExactChoice(TurnContext ctx, PromptStep prompt, string text) =>
        prompt is ChoiceStep choice && AnswerMatcher.MatchChoice(text, Candidates(ctx, choice), exactOnly: true) >= 0;

    private static Answer? Interpret(TurnContext ctx, DialogFrame frame, PromptStep prompt, string text)
    {
        switch (prompt)
        {
            case TimeStep:
                return WhenParser.Time(text) is { } time ? new Answer(time.ToString("HH:mm", CultureInfo.InvariantCulture), null) : null;
            case DateStep date:
                var zone = WhenParser.Zone(date.Zone is null ? null : ctx.Render(date.Zone, frame))
                    ?? WhenParser.Zone(ctx.Input.TimeZone) ?? TimeZoneInfo.Utc;
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ctx.Input.Now, zone).DateTime);
                return WhenParser.Date(text, ctx.Locale, today) is { } day
                    ? new Answer(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : null;
            case TimeZoneStep:
                return WhenParser.Zone(text) is { } found ? new Answer(found.Id, null) : null;
            case ChoiceStep choice:
                var index = AnswerMatcher.MatchChoice(text, Candidates(ctx, choice));
                return index < 0 ? null
                    : new Answer(choice.Options[index].Value, choice.Options[index].Next, ctx.Text(choice.Options[index].Label, null));
            case YesNoStep yesNo:
                var yes = ctx.Global.Texts[GlobalText.Yes].ByLocale.Values
                    .Concat(ctx.Global.Words[GlobalWord.Yes].All).ToList();
                var no = ctx.Global.Texts[GlobalText.No].ByLocale.Values
                    .Concat(ctx.Global.Words[GlobalWord.No].All).ToList();
                return AnswerMatcher.MatchChoice(text, [yes, no], strict: true) switch
                {
                    0 => new Answer("yes", yesNo.Yes),
                    1 => new Answer("no", yesNo.No),
                    _ => null,
                };
            case NumberStep number:
                var n = text.Length <= 100 ? AnswerMatcher.FirstNumber(text) : null;
                return n is { } value && value >= number.Min && value <= number.Max
                    ? new Answer(value.ToString(CultureInfo.InvariantCulture), null)
                    : null;
            default:
                var normalized = AnswerMatcher.Normalize(text);
                if (normalized.Length == 0)
                    return null;
                var skipped = ctx.Global.Words[GlobalWord.Skip].All.Any(w => AnswerMatcher.Normalize(w) == normalized);
                return new Answer(skipped ? string.Empty : text.Trim(), null);
        }
    }

    private static List<IReadOnlyList<string>> Candidates(TurnContext ctx, ChoiceStep choice) =>
        choice.Options
            .Select(o => (IReadOnlyList<string>)[.. o.Label.ByLocale.Values, .. o.Words?.All ?? [], o.Value])
            .ToList();
}
