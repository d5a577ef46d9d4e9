using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels.Sms;
using PeerBot.Conversations;
using PeerBot.Data;
using PeerBot.Dialogs;
using PeerBot.Scheduling;

namespace PeerBot.Channels;

/// <summary>
/// The channel steps of a turn (DESIGN.md pipeline step 1): SMS compliance keywords (STOP/START/HELP) and the
/// discreet-mode command run before the safety scan and the dialog; the client's time zone is noted; a client who
/// writes is reachable and not "gone quiet" any more. After the dialog, its scheduling and discreet events are applied.
/// Everything is added to the turn's context and committed with it.
/// </summary>
public sealed class ChannelTurnSteps(
    PeerBotDb db,
    SmsOptOutLedger ledger,
    CheckInScheduler scheduler,
    IOptions<SmsOptions> smsOptions,
    TimeProvider clock,
    ILogger<ChannelTurnSteps> logger)
{
    /// <summary>A second install event within this window (conversationUpdate + installationUpdate) is not greeted again.</summary>
    public static readonly TimeSpan WelcomeRepeatWindow = TimeSpan.FromHours(1);

    public async Task<ChannelTurnDecision> BeforeTurnAsync(
        ConversationRecord record, Activity activity, DialogInputKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(activity);
        var state = await StateAsync(record.Key, create: false, cancellationToken);
        var zone = TimeZoneOf(activity);
        if (state is null && zone is not null)
            state = await StateAsync(record.Key, create: true, cancellationToken);
        if (state is not null)
        {
            state.Unreachable = false; // the client wrote or reinstalled: the channel accepts our messages again
            state.UnreachableSince = null;
            if (zone is not null)
                state.TimeZoneId = zone;
        }
        await scheduler.ClientWroteAsync(record.Key, cancellationToken);

        if (kind == DialogInputKind.Welcome)
            return await WelcomeOnceAsync(record.Key, state, cancellationToken);

        var text = new ClientText(activity.Text ?? string.Empty);
        var discreet = DiscreetCommand(text);
        if (discreet is not null)
        {
            await SetDiscreetAsync(record.Key, discreet.Value, cancellationToken);
            return ChannelTurnDecision.Reply(discreet.Value ? SmsTexts.DiscreetOn(record.Locale) : SmsTexts.DiscreetOff(record.Locale));
        }

        return SmsChannel.IsSms(record.ChannelId)
            ? await SmsStepAsync(record, activity, text, cancellationToken)
            : ChannelTurnDecision.Continue;
    }

    public async Task AfterDialogAsync(ConversationRecord record, IReadOnlyList<DialogEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var changed in events.OfType<DialogEvent.DiscreetModeChanged>())
            await SetDiscreetAsync(record.Key, changed.Enabled, cancellationToken);
        await scheduler.ApplyAsync(record.Key, events, cancellationToken);
    }

    private async Task<ChannelTurnDecision> SmsStepAsync(
        ConversationRecord record, Activity activity, ClientText text, CancellationToken cancellationToken)
    {
        var options = smsOptions.Value;
        var keyword = SmsKeyword.Match(text.Value);
        var number = activity.From?.Id ?? activity.Conversation?.Id;
        if (keyword.Kind != SmsKeywordKind.None && number is not null)
        {
            var hash = SmsChannel.NumberHash(number);
            var optedOut = await SmsOptOutLedger.IsOptedOutAsync(db, hash, cancellationToken);
            ChannelsLog.SmsKeyword(logger, keyword.Canonical, record.Key);
            switch (keyword.Kind)
            {
                case SmsKeywordKind.OptOut:
                    ledger.Record(db, hash, keyword);
                    // Confirmed once: a second STOP is recorded but not answered.
                    return optedOut ? ChannelTurnDecision.Silent
                        : ChannelTurnDecision.Reply(SmsTexts.OptedOut(record.Locale, options), compliance: true);
                case SmsKeywordKind.OptIn when optedOut:
                    ledger.Record(db, hash, keyword);
                    return ChannelTurnDecision.Reply(SmsTexts.OptedIn(record.Locale, options));
                case SmsKeywordKind.Help:
                    ledger.Record(db, hash, keyword);
                    return ChannelTurnDecision.Reply(SmsTexts.Help(record.Locale, options), compliance: true);
            }
        }

        // MMS with no text, or an empty body: nothing for the safety scan or a dialog to read.
        if (text.IsEmpty)
            return ChannelTurnDecision.Reply(SmsTexts.TextOnly(record.Locale));
        return ChannelTurnDecision.Continue;
    }

    private async Task<ChannelTurnDecision> WelcomeOnceAsync(string conversationKey, ChannelState? state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        state ??= await StateAsync(conversationKey, create: true, cancellationToken);
        if (state!.WelcomedAt is { } welcomed && now - welcomed < WelcomeRepeatWindow)
            return ChannelTurnDecision.Silent;
        state.WelcomedAt = now;
        return ChannelTurnDecision.Continue;
    }

    private async Task SetDiscreetAsync(string conversationKey, bool enabled, CancellationToken cancellationToken)
    {
        var state = await StateAsync(conversationKey, create: true, cancellationToken);
        state!.Discreet = enabled;
        ChannelsLog.Discreet(logger, enabled ? "on" : "off", conversationKey);
    }

    private async Task<ChannelState?> StateAsync(string conversationKey, bool create, CancellationToken cancellationToken)
    {
        var state = db.FindTracked<ChannelState>(s => s.ConversationKey == conversationKey);
        if (state is null && TurnFacts.Of(db, conversationKey) is not { ChannelState: false })
            state = await ChannelStateQueries.Tracked.For(db)(db, conversationKey, cancellationToken);
        if (state is null && create)
        {
            state = new ChannelState { ConversationKey = conversationKey };
            db.Add(state);
        }
        return state;
    }

    /// <summary>"discreet on" / "discreet off" (Spanish: "discreto sí" / "discreto no"), the whole message.</summary>
    private static bool? DiscreetCommand(ClientText text)
    {
        if (text.IsEmpty || text.Value.Length > 20)
            return null;
        return text.Value.Trim().TrimEnd('.', '!').ToLowerInvariant() switch
        {
            "discreet on" or "discreto si" or "discreto sí" => true,
            "discreet off" or "discreto no" => false,
            _ => null,
        };
    }

    /// <summary>The channel's IANA zone: <c>localTimezone</c>, else the Teams/Web Chat <c>clientInfo</c> entity.</summary>
    public static string? TimeZoneOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ScheduleCalculator.FindZone(activity.LocalTimezone) is not null)
            return activity.LocalTimezone!.Trim();
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "clientInfo"
                && entity.TryGetProperty("timezone", out var zone) && zone.ValueKind == JsonValueKind.String
                && ScheduleCalculator.FindZone(zone.GetString()) is not null)
                return zone.GetString()!.Trim();
        }
        return null;
    }
}
