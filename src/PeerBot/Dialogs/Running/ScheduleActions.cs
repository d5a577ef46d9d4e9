using System.Globalization;
using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Running;

/// <summary>
/// The scheduling steps that only emit an event (Scheduling/ and Channels/ apply it with the turn): schedule,
/// schedule-cancel, quiet-hours, discreet. A value that does not parse (a dialog bug, since the prompts check their
/// answers) is logged by step id and skipped; nothing about the client is logged.
/// </summary>
internal static class ScheduleActions
{
    public static bool TryRun(TurnContext ctx, DialogFrame frame, StepDefinition step, ILogger logger)
    {
        DialogEvent? emitted;
        switch (step)
        {
            case ScheduleStep schedule:
                emitted = Schedule(ctx, frame, schedule);
                break;
            case ScheduleCancelStep cancel:
                int? number = null;
                if (cancel.Number is not null)
                    number = int.TryParse(ctx.Render(cancel.Number, frame), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
                emitted = number == -1 ? null : new DialogEvent.ScheduleCancelled(cancel.Kind, number);
                break;
            case QuietHoursStep quiet:
                emitted = WhenParser.Time(ctx.Render(quiet.Start, frame)) is { } start && WhenParser.Time(ctx.Render(quiet.End, frame)) is { } end
                    ? new DialogEvent.QuietHoursChanged(start, end)
                    : null;
                break;
            case DiscreetStep discreet:
                emitted = ctx.Render(discreet.Enabled, frame).Trim().ToLowerInvariant() switch
                {
                    "yes" or "on" => new DialogEvent.DiscreetModeChanged(true),
                    "no" or "off" => new DialogEvent.DiscreetModeChanged(false),
                    _ => null,
                };
                break;
            default:
                return false;
        }
        if (emitted is null)
            DialogsLog.StepValueUnusable(logger, ctx.Input.ConversationKey, ctx.Top?.DialogId ?? "-", step.Id);
        else
            ctx.Events.Add(emitted);
        return true;
    }

    private static DialogEvent.ScheduleRequested? Schedule(TurnContext ctx, DialogFrame frame, ScheduleStep step)
    {
        var time = WhenParser.Time(ctx.Render(step.Time, frame));
        var days = WhenParser.Days(step.Day is null ? null : ctx.Render(step.Day, frame));
        DateOnly? once = null;
        if (step.Date is not null)
        {
            if (!DateOnly.TryParseExact(ctx.Render(step.Date, frame), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return null;
            once = date;
        }
        var zoneText = step.Zone is null ? null : ctx.Render(step.Zone, frame);
        var zone = string.IsNullOrWhiteSpace(zoneText) ? null : WhenParser.Zone(zoneText)?.Id;
        if (time is null || days is null || (!string.IsNullOrWhiteSpace(zoneText) && zone is null))
            return null;
        var topic = step.Topic is null ? null : ctx.Render(step.Topic, frame);
        if (topic is not null && !ScheduleWords.Topics.Contains(topic))
            return null;
        return new DialogEvent.ScheduleRequested(step.Kind, time.Value, days, zone, once, topic);
    }
}
