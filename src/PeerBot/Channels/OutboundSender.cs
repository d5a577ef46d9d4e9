using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Channels;

/// <summary>
/// The last step of every outbound path (replies, retries, scheduled and peer messages all leave through
/// <see cref="ReplyOutbox"/>, which calls this): the hard checks (an opted-out number or an unreachable
/// conversation gets nothing), discreet wording, then the transport — Twilio's REST API for conversations that came
/// in through <c>/api/sms/twilio</c>, the Bot Connector for everything else.
/// </summary>
public sealed class OutboundSender(
    ConnectorClient connector,
    TwilioMessagesClient twilio,
    SmsOptOutLedger ledger,
    TimeProvider clock,
    ILogger<OutboundSender> logger)
{
    public async Task<OutboundResult> SendAsync(
        PeerBotDb db, ConversationRecord record, ConversationReference reference, Activity activity, string? replyToId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reference);
        var compliance = OutboundMarks.TakeCompliance(activity);
        // A turn's own context already holds the conversation's channel state (ChannelTurnSteps read it).
        var state = db.FindTracked<ChannelState>(s => s.ConversationKey == record.Key);
        if (state is null && TurnFacts.Of(db, record.Key) is not { ChannelState: false })
            state = await ChannelStateQueries.Untracked.For(db)(db, record.Key, cancellationToken);
        if (state?.Unreachable == true)
            return Suppress(record.Key, "unreachable");

        var number = SmsChannel.IsSms(record.ChannelId) ? reference.User?.Id ?? reference.Conversation?.Id : null;
        if (number is not null && !compliance
            && await SmsOptOutLedger.IsOptedOutAsync(db, SmsChannel.NumberHash(number), cancellationToken))
            return Suppress(record.Key, "opted-out");

        if (state?.Discreet == true)
            DiscreetFilter.Apply(activity, record.Locale);

        if (reference.ServiceUrl == SmsChannel.DirectServiceUrl)
            return await SendTwilioAsync(db, record.Key, number, activity, cancellationToken);

        try
        {
            await connector.SendAsync(reference.ServiceUrl!, reference.Conversation!.Id!, replyToId, activity, cancellationToken);
            return OutboundResult.Sent;
        }
        catch (Exception ex) when (IsWritesBlocked(ex))
        {
            await MarkUnreachableAsync(db, record.Key, cancellationToken);
            ChannelsLog.Unreachable(logger, record.Key, "MessageWritesBlocked");
            return OutboundResult.Suppressed;
        }
    }

    /// <summary>
    /// Teams answers 403 with <c>subCode: MessageWritesBlocked</c> when the client blocked or removed the bot, and
    /// 403 <c>BotNotInConversationRoster</c> when the bot was removed (PROTOCOL.md §2.4, §5.2): nothing sent there can
    /// arrive, so any 403 on a send marks the conversation unreachable. Matched on the exception's status and text,
    /// which carry codes only, so this works with the connector client's own exception type as well.
    /// </summary>
    public static bool IsWritesBlocked(Exception exception) =>
        exception is HttpRequestException { StatusCode: System.Net.HttpStatusCode.Forbidden }
        || exception.Message.Contains("MessageWritesBlocked", StringComparison.Ordinal)
        || exception.Message.Contains("status 403", StringComparison.Ordinal);

    /// <summary>
    /// A text to a number that is not a client conversation (the on-call pager), through Twilio's REST API with the
    /// same hard check: a number whose latest ledger line is an opt-out gets nothing, and a 21610 refusal enters the
    /// ledger. <paramref name="logKey"/> names the sender in logs (never the number).
    /// </summary>
    public async Task<OutboundResult> SendSmsAsync(
        PeerBotDb db, string number, string text, string logKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (await SmsOptOutLedger.IsOptedOutAsync(db, SmsChannel.NumberHash(number), cancellationToken))
            return Suppress(logKey, "opted-out");
        return await SendTwilioAsync(db, logKey, number, new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
    }

    private async Task<OutboundResult> SendTwilioAsync(
        PeerBotDb db, string conversationKey, string? number, Activity activity, CancellationToken cancellationToken)
    {
        if (number is null || string.IsNullOrEmpty(activity.Text))
            return Suppress(conversationKey, number is null ? "no-number" : "no-text");
        var outcome = await twilio.SendAsync(number, activity.Text, cancellationToken);
        switch (outcome.Status)
        {
            case TwilioSendStatus.Sent:
                return OutboundResult.Sent;
            case TwilioSendStatus.Unsubscribed:
                ledger.Record(db, SmsChannel.NumberHash(number), SmsKeywordKind.OptOut, "CARRIER-21610");
                await db.SaveChangesAsync(cancellationToken);
                return Suppress(conversationKey, "opted-out-at-carrier");
            default:
                ChannelsLog.TwilioSendFailed(logger, conversationKey, outcome.HttpStatus, outcome.ErrorCode);
                return OutboundResult.Failed;
        }
    }

    private async Task MarkUnreachableAsync(PeerBotDb db, string conversationKey, CancellationToken cancellationToken)
    {
        var state = await db.Set<ChannelState>().SingleOrDefaultAsync(s => s.ConversationKey == conversationKey, cancellationToken);
        if (state is null)
        {
            state = new ChannelState { ConversationKey = conversationKey };
            db.Add(state);
        }
        state.Unreachable = true;
        state.UnreachableSince = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private OutboundResult Suppress(string conversationKey, string reason)
    {
        ChannelsLog.Suppressed(logger, conversationKey, reason);
        return OutboundResult.Suppressed;
    }
}
