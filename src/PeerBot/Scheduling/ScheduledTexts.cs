using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Channels.Teams;
using PeerBot.Dialogs;

namespace PeerBot.Scheduling;

/// <summary>
/// What a scheduled run says. Wording is neutral on purpose (a lock screen may show it); Teams gets the check-in
/// card, other channels a text the dialogs answer ("check in" starts the check-in).
/// </summary>
public static class ScheduledTexts
{
    public static IReadOnlyList<Activity> Render(ReplyRenderer renderer, ScheduleKind kind, string? topic, string channelId, string locale)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        if (kind == ScheduleKind.CheckIn && channelId == TeamsInbound.ChannelId)
        {
            return [new Activity
            {
                Type = ActivityTypes.Message,
                Summary = Es(locale) ? "Hora de tu chequeo" : "Time for your check-in",
                Attachments = [AdaptiveCards.CheckIn(locale)],
            }];
        }
        var text = kind == ScheduleKind.CheckIn ? CheckIn(locale) : Reminder(topic, locale);
        return renderer.Render(OutgoingMessage.Plain(text), channelId);
    }

    public static string CheckIn(string locale) => Es(locale)
        ? "Hola, es hora de tu chequeo. Responde CHECK IN para empezar, o cuéntame cómo vas."
        : "Hi, it's check-in time. Reply CHECK IN to start, or just tell me how you're doing.";

    public static string Reminder(string? topic, string locale) => (topic, Es(locale)) switch
    {
        ("appointment", false) => "Reminder: you have an appointment coming up.",
        ("appointment", true) => "Recordatorio: tienes una cita pronto.",
        ("meeting", false) => "Reminder: your meeting is coming up.",
        ("meeting", true) => "Recordatorio: tu reunión es pronto.",
        ("medication", false) => "Reminder: time for your pickup.",
        ("medication", true) => "Recordatorio: es hora de tu recogida.",
        (_, false) => "Reminder: you asked me to remind you about now.",
        (_, true) => "Recordatorio: me pediste recordarte a esta hora.",
    };

    private static bool Es(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
