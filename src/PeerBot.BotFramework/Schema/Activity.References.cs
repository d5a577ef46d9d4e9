namespace PeerBot.BotFramework.Schema;

public sealed partial class Activity
{
    /// <summary>
    /// What is needed to message this conversation later (PROTOCOL.md §2.3, §5). The user is <see cref="From"/>,
    /// the bot is <see cref="Recipient"/>. <c>activityId</c> is left empty for a directline/webchat
    /// conversationUpdate, whose ids are not reply targets.
    /// </summary>
    public ConversationReference GetConversationReference()
    {
        var notReplyTarget = Type == ActivityTypes.ConversationUpdate
            && ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat;
        return new ConversationReference
        {
            ActivityId = notReplyTarget ? null : Id,
            User = From,
            Bot = Recipient,
            Conversation = Conversation,
            ChannelId = ChannelId,
            Locale = Locale,
            ServiceUrl = ServiceUrl,
        };
    }

    /// <summary>
    /// A message replying to this activity: from and recipient swapped, same conversation, channel and service URL,
    /// <see cref="ReplyToId"/> set to this activity's id, locale kept.
    /// </summary>
    /// <param name="text">Text of the reply, or null.</param>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = CopyAccount(Recipient),
        Recipient = CopyAccount(From),
        Conversation = CopyConversation(Conversation),
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>
    /// Addresses this (outgoing) activity to a stored conversation: channel, service URL and conversation from the
    /// reference, from = bot, recipient = user, locale when unset; <see cref="ReplyToId"/> only when
    /// <paramref name="threaded"/> (PROTOCOL.md §5.1).
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool threaded = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = CopyConversation(reference.Conversation);
        From = CopyAccount(reference.Bot);
        Recipient = CopyAccount(reference.User);
        Locale ??= reference.Locale;
        if (threaded)
            ReplyToId = reference.ActivityId;
        return this;
    }

    private static ChannelAccount? CopyAccount(ChannelAccount? account) =>
        account is null ? null : new ChannelAccount { Id = account.Id, Name = account.Name };

    private static ConversationAccount? CopyConversation(ConversationAccount? conversation) =>
        conversation is null
            ? null
            : new ConversationAccount
            {
                Id = conversation.Id,
                Name = conversation.Name,
                IsGroup = conversation.IsGroup,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
            };
}
