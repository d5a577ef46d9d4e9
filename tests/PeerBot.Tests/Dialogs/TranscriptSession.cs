using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.BotFramework.Schema;
using PeerBot.Conversations;
using PeerBot.Dialogs;
using PeerBot.Tests.Testing;

namespace PeerBot.Tests.Dialogs;

/// <summary>
/// One transcript's client talking to the real app: each turn is an activity POSTed to <c>/api/messages</c>, the
/// bot's lines are what the fake Bot Connector (the network edge) received for this conversation, rendered to
/// comparable text, and the events are what the dialog engine reported on its diagnostic listener.
/// </summary>
internal sealed class TranscriptSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<DialogEvent> _events = new();
    private readonly IDisposable _subscription;
    private int _seen;

    public TranscriptSession(Transcript transcript)
    {
        App = new PeerBotApp();
        Client = new ActivityBuilder(ChannelId(transcript.Channel), locale: transcript.Locale);
        var engine = App.Services.GetRequiredService<DialogEngine>();
        _subscription = engine.Diagnostics.Subscribe(new EventObserver(_events));
    }

    public PeerBotApp App { get; }

    public ActivityBuilder Client { get; }

    /// <summary>Plays one turn; returns the bot's lines and the turn's events in transcript form.</summary>
    public async Task<(List<string> Lines, List<string> Events)> PlayAsync(TranscriptTurn turn)
    {
        var activity = turn.User == "(welcome)" ? Client.ConversationUpdate() : Client.Message(TextOf(turn));
        using var response = await App.SendAsync(activity);
        var lines = new List<string>();
        if (response.StatusCode != HttpStatusCode.OK)
            lines.Add($"(HTTP {(int)response.StatusCode})");
        var sent = App.Connector.Sent.Where(s => s.ConversationId == Client.ConversationId).ToList();
        lines.AddRange(sent.Skip(_seen).SelectMany(s => Lines(s.Activity)));
        _seen = sent.Count;
        var events = new List<string>();
        while (_events.TryDequeue(out var e))
            events.Add(Describe(e));
        return (lines, events);
    }

    /// <summary>The conversation's stored dialog and safety state (JSON), for privacy checks.</summary>
    public Task<string> StoredStateAsync() => App.WithDbAsync(async db =>
    {
        var rows = await db.Set<ConversationRecord>().AsNoTracking().ToListAsync();
        return string.Join("\n", rows.Select(r => r.DialogStateJson + "\n" + r.SafetyStateJson));
    });

    /// <summary>What the client types: the words after a marker such as <c>(offer-peer)</c>, which only documents it.</summary>
    public static string TextOf(TranscriptTurn turn) =>
        turn.User.StartsWith("(offer-peer) ", StringComparison.Ordinal) ? turn.User["(offer-peer) ".Length..] : turn.User;

    public static string ChannelId(string channel) => channel switch
    {
        "teams" => "msteams",
        _ => channel,
    };

    /// <summary>
    /// An activity as comparable text: its text line by line, suggested actions as <c>[A] [B]</c>, a card's text
    /// then <c>card: [A] [B]</c> (hero card buttons or Adaptive Card actions).
    /// </summary>
    public static IEnumerable<string> Lines(Activity activity)
    {
        if (activity.Text is { } text)
        {
            foreach (var line in text.Split('\n'))
                yield return line;
        }
        if (activity.SuggestedActions is { } actions)
            yield return string.Join(" ", actions.Actions.Select(a => $"[{a.Title}]"));
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is not { ValueKind: JsonValueKind.Object } content)
                continue;
            foreach (var line in CardTexts(content).SelectMany(t => t.Split('\n')))
                yield return line;
            var buttons = content.TryGetProperty("buttons", out var b) ? b
                : content.TryGetProperty("actions", out var a) ? a
                : default;
            if (buttons.ValueKind == JsonValueKind.Array)
                yield return "card: " + string.Join(" ", buttons.EnumerateArray().Select(x => $"[{x.GetProperty("title").GetString()}]"));
        }
    }

    public static string Describe(DialogEvent e) => e switch
    {
        DialogEvent.HandoffRequested h => $"handoff: {h.Reason}",
        DialogEvent.CheckInCompleted c => $"check-in: mood={c.Mood} craving={c.Craving} sleep={c.Sleep} use={(c.AnyUse ? "yes" : "no")}",
        DialogEvent.PrivacyCommand p => $"privacy: {p.Command}",
        DialogEvent.LocaleChanged l => $"locale: {l.Locale}",
        DialogEvent.SummaryFact f => $"fact: {f.Kind} {f.Detail}",
        DialogEvent.ScheduleRequested s => $"schedule: {s.Kind} {s.LocalTime:HH\\:mm} "
            + (s.OnceOn is { } once ? $"on {once:yyyy-MM-dd}" : s.Days.Count == 0 ? "daily" : string.Join(",", s.Days).ToLowerInvariant())
            + (s.Topic is null ? string.Empty : $" topic={s.Topic}") + $" zone={s.TimeZone ?? "channel"}",
        DialogEvent.ScheduleCancelled c => $"schedule-cancel: {c.Kind}{(c.Number is { } n ? $" {n}" : string.Empty)}",
        DialogEvent.QuietHoursChanged q => $"quiet-hours: {q.Start:HH\\:mm}-{q.End:HH\\:mm}",
        DialogEvent.DiscreetModeChanged d => $"discreet: {(d.Enabled ? "on" : "off")}",
        _ => e.ToString(),
    };

    private static IEnumerable<string> CardTexts(JsonElement content)
    {
        foreach (var name in new[] { "title", "text" })
        {
            if (content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                yield return value.GetString()!;
        }
        if (content.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in body.EnumerateArray())
            {
                if (block.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                    yield return value.GetString()!;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await App.DisposeAsync();
    }

    private sealed class EventObserver(ConcurrentQueue<DialogEvent> events) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == DialogEngine.TurnEventName && value.Value is DialogTurnObserved turn)
            {
                foreach (var e in turn.Events)
                    events.Enqueue(e);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
