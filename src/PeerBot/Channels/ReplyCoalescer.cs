using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels;

/// <summary>
/// Joins the consecutive plain-text messages of one turn into one message (paragraphs), so a turn that says
/// "Good to hear." and then asks the next question sends one activity, not two:
/// <list type="bullet">
/// <item>SMS: messages sent in quick succession can reach the phone out of order; one message cannot. A join is made
/// only while the text still fits in one SMS message as <see cref="ReplyRenderer"/> sizes them
/// (<see cref="ReplyRenderer.SmsSegmentsPerMessage"/> segments), so no message grows past what it allows.</item>
/// <item>Teams throttles bots per conversation (a handful of messages per second): fewer sends, fewer 429s.</item>
/// <item>Every send is a row in the outbox and a call to the channel: half the sends of a typical turn.</item>
/// </list>
/// Only plain text is joined: a message with attachments (cards), channel data or an internal mark stays on its
/// own, and so does any message followed by one of those. A message with suggested actions may end a join (its
/// buttons stay at the end, where they were); it never starts one, since its buttons belong to its own text.
/// </summary>
public static class ReplyCoalescer
{
    public const string Separator = "\n\n";

    public static List<Activity> Coalesce(IReadOnlyList<Activity> activities, string channelId)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var joined = new List<Activity>(activities.Count);
        foreach (var next in activities)
        {
            if (joined.Count > 0 && CanJoin(joined[^1], next, channelId))
            {
                next.Text = joined[^1].Text + Separator + next.Text;
                joined[^1] = next;
            }
            else
            {
                joined.Add(next);
            }
        }
        return joined;
    }

    private static bool CanJoin(Activity first, Activity next, string channelId)
    {
        if (!IsPlainText(first) || first.SuggestedActions is not null || first.Speak is not null
            || !IsPlainText(next)
            || first.TextFormat != next.TextFormat || first.Locale != next.Locale || first.ReplyToId != next.ReplyToId)
            return false;
        return !ChannelIds.IsSms(channelId)
            || SmsSegmenter.Segments(first.Text + Separator + next.Text) <= ReplyRenderer.SmsSegmentsPerMessage;
    }

    private static bool IsPlainText(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && !string.IsNullOrEmpty(activity.Text)
        && activity.Attachments is not { Count: > 0 }
        && activity.ChannelData is null
        && activity.ExtensionData is not { Count: > 0 }
        && activity.Entities is not { Count: > 0 }
        && activity.Value is null;
}
