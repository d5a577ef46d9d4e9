using System.Globalization;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.Sms;

/// <summary>
/// Maps Twilio's incoming-message webhook onto an activity the way Bot Builder's Twilio adapter does
/// (PROTOCOL.md §6.2): id = MessageSid (so the pipeline's de-duplication drops a replayed webhook), conversation and
/// from = the sender's number, recipient = our number, text = Body, media as attachments. No channelData: the raw
/// form would carry the body and numbers into places that are not meant to hold them.
/// </summary>
public static class TwilioInbound
{
    public const int MaxMedia = 10;

    /// <summary>The activity, or the name of the missing or bad field.</summary>
    public static (Activity? Activity, string? Error) ToActivity(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sid = Field(form, "MessageSid") ?? Field(form, "SmsMessageSid") ?? Field(form, "SmsSid");
        if (sid is null || sid.Length > 64)
            return (null, "MessageSid");
        var from = Field(form, "From");
        if (from is null || from.Length > 64)
            return (null, "From");
        var to = Field(form, "To");

        var numMedia = 0;
        if (Field(form, "NumMedia") is { } media && (!int.TryParse(media, NumberStyles.None, CultureInfo.InvariantCulture, out numMedia) || numMedia < 0))
            return (null, "NumMedia");

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = sid,
            ChannelId = SmsChannel.Id,
            ServiceUrl = SmsChannel.DirectServiceUrl,
            From = new ChannelAccount { Id = from, Role = "user" },
            Recipient = new ChannelAccount { Id = to ?? "twilio", Role = "bot" },
            Conversation = new ConversationAccount { Id = from, ConversationType = "personal", IsGroup = false },
            Text = form.TryGetValue("Body", out var body) ? body : string.Empty,
            TextFormat = "plain",
        };

        var attachments = new List<Attachment>();
        for (var i = 0; i < Math.Min(numMedia, MaxMedia); i++)
        {
            var url = Field(form, "MediaUrl" + i.ToString(CultureInfo.InvariantCulture));
            if (url is null)
                continue;
            attachments.Add(new Attachment
            {
                ContentType = Field(form, "MediaContentType" + i.ToString(CultureInfo.InvariantCulture)) ?? "application/octet-stream",
                ContentUrl = url,
            });
        }
        if (attachments.Count > 0 || numMedia > 0)
            activity.Attachments = attachments;
        return (activity, null);
    }

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
