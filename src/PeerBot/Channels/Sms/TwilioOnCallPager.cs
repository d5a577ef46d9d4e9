using System.Globalization;
using Microsoft.Extensions.Options;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.Channels.Sms;

/// <summary>
/// Pages the on-call roster (<c>PeerBot:Handoff:OnCall</c>) by SMS through direct Twilio. The text carries the tier,
/// the wait and the console link, never client content. Goes through <see cref="OutboundSender.SendSmsAsync"/>, so
/// a number that texted STOP to our number is not paged and a carrier 21610 refusal enters the opt-out ledger.
/// A transient failure is tried once more at once; after that the SLA timers page again at the crisis limit and at
/// escalation.
/// </summary>
public sealed class TwilioOnCallPager(
    PeerBotDb db,
    OutboundSender sender,
    OnCallRoster roster,
    IOptionsMonitor<TwilioOptions> twilio,
    TimeProvider clock,
    ILogger<TwilioOnCallPager> logger) : IOnCallPager
{
    public const string LogKey = "on-call-pager";

    public async Task<bool> PageAsync(Guid handoffId, string tier, Uri consoleLink, CancellationToken cancellationToken)
    {
        var results = await PageOnCallAsync(new OnCallPage(handoffId, tier, TimeSpan.Zero, AlertKind.Opened, consoleLink), cancellationToken);
        return results.Any(r => r.Delivered);
    }

    public async Task<IReadOnlyList<PageDelivery>> PageOnCallAsync(OnCallPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!twilio.CurrentValue.Enabled || string.IsNullOrWhiteSpace(twilio.CurrentValue.FromNumber) || !roster.IsConfigured)
            return [];
        var onDuty = roster.OnDutyAt(clock.GetUtcNow());
        if (onDuty.Count == 0)
        {
            ChannelsLog.NobodyOnCall(logger, page.HandoffId);
            return [new PageDelivery(-1, false, "nobody-on-call")];
        }

        var text = Text(page);
        var results = new List<PageDelivery>(onDuty.Count);
        foreach (var (index, phone) in onDuty)
        {
            // One immediate second try on a transient failure (network, 429, 5xx): a crisis page should not wait for
            // the next timer step.
            var result = await sender.SendSmsAsync(db, phone, text, LogKey, cancellationToken);
            if (result == OutboundResult.Failed)
                result = await sender.SendSmsAsync(db, phone, text, LogKey, cancellationToken);
            var outcome = result switch
            {
                OutboundResult.Sent => "sent",
                OutboundResult.Suppressed => "suppressed",
                _ => "failed",
            };
            ChannelsLog.Paged(logger, page.HandoffId, index, outcome);
            results.Add(new PageDelivery(index, result == OutboundResult.Sent, outcome));
        }
        return results;
    }

    /// <summary>One GSM-7 segment plus the link: what happened, the tier, the wait, where to claim it.</summary>
    public static string Text(OnCallPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var minutes = Math.Max(0, (int)page.Waited.TotalMinutes);
        var what = page.Kind switch
        {
            AlertKind.Renotify => string.Create(CultureInfo.InvariantCulture, $"still unclaimed after {minutes} min"),
            AlertKind.Escalated => string.Create(CultureInfo.InvariantCulture, $"ESCALATED, unclaimed after {minutes} min"),
            _ => "new, waiting for a peer",
        };
        return $"PeerBot on-call: {page.Tier} handoff {what}. Claim it: {page.ConsoleLink}";
    }
}
