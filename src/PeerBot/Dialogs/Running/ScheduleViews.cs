using System.Globalization;
using System.Text;
using PeerBot.Dialogs.Definitions;
using PeerBot.Scheduling;

namespace PeerBot.Dialogs.Running;

/// <summary>The scheduling steps that read what is stored: schedule-status and schedule-list.</summary>
internal static class ScheduleViews
{
    public static async Task StatusAsync(TurnContext ctx, DialogFrame frame, ScheduleStatusStep step, CheckInScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var overview = await scheduler.OverviewAsync(ctx.Input.ConversationKey, cancellationToken);
        var zone = WhenParser.Zone(ctx.Input.TimeZone)?.Id ?? WhenParser.Zone(overview.ChannelZone)?.Id
            ?? WhenParser.Zone(overview.ScheduledZone)?.Id ?? string.Empty;
        if (step.Zone is not null)
            frame.Variables[step.Zone] = zone;
        if (step.HasZone is not null)
            frame.Variables[step.HasZone] = zone.Length > 0 ? "yes" : "no";
        if (step.CheckIn is not null)
            frame.Variables[step.CheckIn] = overview.CheckIn is null ? "no" : "yes";
        if (step.Reminders is not null)
            frame.Variables[step.Reminders] = overview.Reminders.Count.ToString(CultureInfo.InvariantCulture);
    }

    public static async Task ListAsync(TurnContext ctx, DialogFrame frame, ScheduleListStep step, CheckInScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var overview = await scheduler.OverviewAsync(ctx.Input.ConversationKey, cancellationToken);
        var items = step.Kind switch
        {
            "check-in" => overview.CheckIn is null ? [] : [overview.CheckIn],
            "reminder" => overview.Reminders,
            _ => [.. overview.CheckIn is null ? Array.Empty<ScheduleView>() : [overview.CheckIn], .. overview.Reminders],
        };
        if (step.Save is not null)
            frame.Variables[step.Save] = items.Count.ToString(CultureInfo.InvariantCulture);
        if (items.Count == 0)
        {
            ctx.Say(ctx.Text(step.None, frame));
            return;
        }
        var culture = CultureInfo.GetCultureInfo(ctx.Locale == "es" ? "es-US" : "en-US");
        var text = new StringBuilder(ctx.Text(step.Heading, frame));
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var topic = step.Topics[item.Kind == ScheduleKind.CheckIn ? "check-in" : item.Topic ?? "other"];
            text.Append('\n').Append(i + 1).Append(". ").Append(ctx.Text(topic, frame)).Append(", ").Append(When(ctx, step, item, culture));
        }
        ctx.Say(text.ToString());
    }

    private static string When(TurnContext ctx, ScheduleListStep step, ScheduleView item, CultureInfo culture)
    {
        // Fixed patterns, not the culture's "t": ICU versions differ (some put a narrow no-break space before PM).
        var time = new TimeOnly(item.LocalMinutes / 60, item.LocalMinutes % 60).ToString(ctx.Locale == "es" ? "H:mm" : "h:mm tt", culture);
        var (template, day, date) = item switch
        {
            { OnceOn: { } once } => (step.Once, string.Empty, once.ToString(ctx.Locale == "es" ? "ddd d MMM" : "ddd, MMM d", culture)),
            { DaysMask: 0 } => (step.Daily, string.Empty, string.Empty),
            _ => (step.Weekly, DayNames(item.DaysMask, culture), string.Empty),
        };
        return TemplateRenderer.Render(template.Get(ctx.Locale), name => name switch
        {
            "time" => time,
            "day" => day,
            "date" => date,
            _ => null,
        });
    }

    private static string DayNames(int mask, CultureInfo culture) => string.Join(", ",
        Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).Select(d => culture.DateTimeFormat.GetDayName(d)));
}
