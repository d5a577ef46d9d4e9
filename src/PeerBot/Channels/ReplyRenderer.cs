using System.Text.Json;
using PeerBot.BotFramework.Schema;
using PeerBot.Dialogs;

namespace PeerBot.Channels;

/// <summary>
/// Turns a channel-neutral message into activities for one channel. PLACEHOLDER until the dialogs issue lands:
/// suggested actions everywhere, numbered text on SMS, no segment splitting.
/// </summary>
public sealed class ReplyRenderer
{
    public IReadOnlyList<Activity> Render(OutgoingMessage message, string channelId)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Choices.Count == 0)
            return [new Activity { Type = ActivityTypes.Message, Text = message.Text }];
        if (channelId == "sms")
        {
            var options = string.Join("\n", message.Choices.Select((c, i) => $"{i + 1}. {c}"));
            return [new Activity { Type = ActivityTypes.Message, Text = $"{message.Text}\n{options}" }];
        }
        return
        [
            new Activity
            {
                Type = ActivityTypes.Message,
                Text = message.Text,
                SuggestedActions = new SuggestedActions
                {
                    Actions = message.Choices.Select(c => new CardAction
                    {
                        Type = "imBack", Title = c, Value = JsonSerializer.SerializeToElement(c),
                    }).ToList(),
                },
            },
        ];
    }
}
