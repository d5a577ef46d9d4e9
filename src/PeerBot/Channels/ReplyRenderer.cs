using System.Globalization;
using System.Text;
using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Dialogs;

namespace PeerBot.Channels;

/// <summary>
/// Turns a channel-neutral message into activities for one channel (PROTOCOL.md §6, ChoiceFactory rules):
/// SMS gets numbered options and is split into messages of whole words; Teams personal chat gets up to three
/// short suggested actions, else a hero card; web chat, Direct Line and the Emulator get suggested actions.
/// The pipeline fills from, recipient, conversation and replyToId.
/// </summary>
public sealed class ReplyRenderer
{
    /// <summary>Segments per SMS message: 2 keeps a message within Twilio's recommended 320 characters.</summary>
    public const int SmsSegmentsPerMessage = 2;

    public const int TeamsMaxSuggestedActions = 3;
    public const int TeamsMaxSuggestedTitle = 20;
    public const int WebMaxSuggestedActions = 100;

    public IReadOnlyList<Activity> Render(OutgoingMessage message, string channelId) =>
        Render(message, channelId, conversationType: null);

    /// <param name="conversationType">Teams' <c>conversation.conversationType</c>; null means personal chat.</param>
    public IReadOnlyList<Activity> Render(OutgoingMessage message, string channelId, string? conversationType)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ChannelIds.IsSms(channelId) ? RenderSms(message)
            : channelId == ChannelIds.Teams ? [RenderTeams(message, conversationType)]
            : [WithSuggestedActions(message, WebMaxSuggestedActions)];
    }

    private static List<Activity> RenderSms(OutgoingMessage message)
    {
        var text = new StringBuilder(message.Text);
        if (message.Choices.Count > 0)
        {
            for (var i = 0; i < message.Choices.Count; i++)
                text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(message.Choices[i]);
            text.Append('\n').Append(message.ReplyHint ?? DefaultHint(message.Choices.Count));
        }
        return SmsSegmenter.Split(text.ToString(), SmsSegmentsPerMessage)
            .Select(part => new Activity { Type = ActivityTypes.Message, Text = part, TextFormat = "plain" })
            .ToList();
    }

    private static Activity RenderTeams(OutgoingMessage message, string? conversationType)
    {
        var personal = conversationType is null or "personal";
        if (message.Choices.Count == 0
            || (personal && message.Choices.Count <= TeamsMaxSuggestedActions
                && message.Choices.All(c => c.Length <= TeamsMaxSuggestedTitle)))
            return WithSuggestedActions(message, TeamsMaxSuggestedActions);

        var card = new
        {
            text = message.Text,
            buttons = message.Choices.Select(c => new { type = "imBack", title = c, value = c }).ToList(),
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.card.hero",
                    Content = JsonSerializer.SerializeToElement(card),
                },
            ],
        };
    }

    private static Activity WithSuggestedActions(OutgoingMessage message, int max)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = message.Text };
        if (message.Choices.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = message.Choices.Take(max).Select(c => new CardAction
                {
                    Type = "imBack", Title = c, Value = JsonSerializer.SerializeToElement(c),
                }).ToList(),
            };
        }
        return activity;
    }

    private static string DefaultHint(int count) => count == 1
        ? "Reply 1."
        : $"Reply {string.Join(", ", Enumerable.Range(1, count - 1))} or {count}.";
}
