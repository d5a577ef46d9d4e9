using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Schema;
using PeerBot.Data;

namespace PeerBot.Handoff;

/// <summary>
/// Alerts people who are not looking at the console: every online console, the peers' Teams channel (an Adaptive
/// Card through the connector), the on-call pager (SMS) for crisis when it opens, at its limit and at escalation.
/// Each alert is recorded with its time. Alerts carry tier, reason and wait, never client words.
/// </summary>
public sealed class HandoffNotifier(
    PeerBotDb db,
    HandoffEvents events,
    ConnectorClient connector,
    IEnumerable<IOnCallPager> pagers,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffNotifier> logger)
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public async Task AlertAsync(Guid handoffId, AlertKind kind, CancellationToken cancellationToken)
    {
        var handoff = await db.Set<HandoffRequest>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null)
            return;
        var online = events.Online();
        var now = clock.GetUtcNow();
        var detail = kind.ToString().ToLowerInvariant();
        switch (kind)
        {
            case AlertKind.Opened or AlertKind.Renotify:
                if (handoff.State != HandoffState.Queued)
                    return;
                events.Publish(new ConsoleEvent(ConsoleEvent.Alert, handoff.Id, Detail: detail));
                Record(handoff.Id, kind, "console", online.Count, true, now);
                await PostToPeersChannelAsync(handoff, kind, now, cancellationToken);
                if (HandoffDesk.IsCrisis(handoff))
                    await PageAsync(handoff, kind, now, cancellationToken);
                break;
            case AlertKind.Escalated or AlertKind.SupervisorFlag:
                events.Publish(new ConsoleEvent(ConsoleEvent.Escalation, handoff.Id, Detail: detail) { CoordinatorsOnly = true });
                Record(handoff.Id, kind, "coordinators", events.OnlineCoordinators(), true, now);
                if (kind == AlertKind.Escalated)
                    await PostToPeersChannelAsync(handoff, kind, now, cancellationToken);
                if (kind == AlertKind.Escalated && handoff.State == HandoffState.Queued && HandoffDesk.IsCrisis(handoff))
                    await PageAsync(handoff, kind, now, cancellationToken);
                break;
            case AlertKind.IdleReminder:
                events.Publish(new ConsoleEvent(ConsoleEvent.Reminder, handoff.Id, handoff.PeerId, detail));
                Record(handoff.Id, kind, "console", handoff.PeerId is not null && online.ContainsKey(handoff.PeerId) ? 1 : 0, true, now);
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task PostToPeersChannelAsync(HandoffRequest handoff, AlertKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channel = options.Value.PeersChannel;
        if (!channel.IsConfigured)
            return;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = Headline(handoff, kind),
            Attachments = [new Attachment { ContentType = CardContentType, Content = Card(handoff, kind, now) }],
        };
        try
        {
            await connector.SendAsync(channel.ServiceUrl!, channel.ConversationId!, null, activity, cancellationToken);
            Record(handoff.Id, kind, "teams", 0, true, now);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            HandoffLog.AlertFailed(logger, ex, handoff.Id, "teams");
            Record(handoff.Id, kind, "teams", 0, false, now);
        }
    }

    private async Task PageAsync(HandoffRequest handoff, AlertKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = new OnCallPage(handoff.Id, Tier(handoff), now - handoff.QueuedAt, kind, ConsoleLink(handoff.Id));
        foreach (var pager in pagers)
        {
            // One record per person paged (roster index -1: a roster exists but nobody is on duty now).
            foreach (var delivery in await pager.PageOnCallAsync(page, cancellationToken))
                Record(handoff.Id, kind, "sms", delivery.RosterIndex < 0 ? 0 : 1, delivery.Delivered, now);
        }
    }

    private void Record(Guid handoffId, AlertKind kind, string channel, int recipients, bool delivered, DateTimeOffset now) =>
        db.Add(new HandoffAlert
        {
            HandoffId = handoffId,
            Kind = kind,
            Channel = channel,
            Recipients = recipients,
            Delivered = delivered,
            At = now,
        });

    private JsonElement Card(HandoffRequest handoff, AlertKind kind, DateTimeOffset now)
    {
        var wait = now - handoff.QueuedAt;
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = Headline(handoff, kind),
                    ["weight"] = "Bolder",
                    ["size"] = "Medium",
                    ["wrap"] = true,
                    ["color"] = HandoffDesk.IsCrisis(handoff) || kind == AlertKind.Escalated ? "Attention" : "Default",
                },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        Fact("Tier", Tier(handoff)),
                        Fact("Reason", handoff.Reason.ToString().ToLowerInvariant()),
                        Fact("Waiting", $"{Math.Max(0, (int)wait.TotalMinutes)} min"),
                    },
                },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.OpenUrl",
                    ["title"] = "Claim in the console",
                    ["url"] = ConsoleLink(handoff.Id).ToString(),
                },
            },
        };
        return JsonSerializer.SerializeToElement(card);
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string Headline(HandoffRequest handoff, AlertKind kind) => kind switch
    {
        AlertKind.Renotify => $"Still waiting for a peer: {Tier(handoff)} handoff",
        AlertKind.Escalated => $"ESCALATED: {Tier(handoff)} handoff unclaimed",
        _ => $"New {Tier(handoff)} handoff",
    };

    private static string Tier(HandoffRequest handoff) =>
        handoff.Tier == Safety.DistressTier.None ? handoff.Reason.ToString().ToLowerInvariant() : handoff.Tier.ToString().ToLowerInvariant();

    private Uri ConsoleLink(Guid id)
    {
        var baseUrl = options.Value.ConsoleUrl ?? "http://localhost:5000";
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), $"console/#handoff={id}");
    }
}
