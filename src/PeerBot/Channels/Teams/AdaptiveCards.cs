using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.Teams;

/// <summary>
/// Adaptive Cards 1.5 as raw JSON (the AdaptiveCards package is not available). Buttons are
/// <c>Action.Execute</c> (Universal Actions: Teams sends an <c>adaptiveCard/action</c> invoke) with an
/// <c>Action.Submit</c> fallback for older clients; both carry <c>{"choice": …}</c> or the check-in inputs.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    public const string CheckInVerb = "checkin";
    public const string ChoiceVerb = "choice";

    /// <summary>A question with one button per choice (the renderer calls this for Teams choice prompts).</summary>
    public static Attachment ChoicePrompt(string text, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var actions = new JsonArray();
        foreach (var choice in choices)
            actions.Add(Execute(choice, ChoiceVerb, new JsonObject { ["choice"] = choice }));
        return Card(new JsonArray { TextBlock(text, large: false) }, actions);
    }

    /// <summary>The daily check-in: mood 1–5, craving 0–10, sleep, any use. Submits verb "checkin" with the inputs.</summary>
    public static Attachment CheckIn(string locale)
    {
        // Built once per language: the scheduler sends this card to every Teams client at once.
        var es = locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
        var card = es ? SpanishCheckIn.Value : EnglishCheckIn.Value;
        return new Attachment { ContentType = card.ContentType, Content = card.Content };
    }

    private static readonly Lazy<Attachment> EnglishCheckIn = new(() => BuildCheckIn(es: false));
    private static readonly Lazy<Attachment> SpanishCheckIn = new(() => BuildCheckIn(es: true));

    private static Attachment BuildCheckIn(bool es)
    {
        var body = new JsonArray
        {
            TextBlock(es ? "Hora de tu chequeo" : "Time for your check-in", large: true),
            TextBlock(es ? "¿Cómo te sientes hoy? (1 = muy mal, 5 = muy bien)" : "How are you feeling today? (1 = very low, 5 = great)", large: false),
            ChoiceSet("mood", Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))),
            TextBlock(es ? "¿Qué tan fuertes son tus antojos? (0–10)" : "How strong are cravings? (0–10)", large: false),
            new JsonObject { ["type"] = "Input.Number", ["id"] = "craving", ["min"] = 0, ["max"] = 10, ["value"] = 0 },
            TextBlock(es ? "¿Cómo dormiste?" : "How did you sleep?", large: false),
            ChoiceSet("sleep", es
                ? [("Bien", "good"), ("Regular", "ok"), ("Mal", "poor")]
                : [("Well", "good"), ("OK", "ok"), ("Poorly", "poor")]),
            new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = "anyUse", ["title"] = es ? "Consumí desde el último chequeo" : "I used since my last check-in",
                ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false",
            },
        };
        var actions = new JsonArray
        {
            Execute(es ? "Enviar" : "Send", CheckInVerb, new JsonObject { ["checkin"] = true }),
            Execute(es ? "Hablar con una persona" : "Talk to a person", ChoiceVerb, new JsonObject { ["choice"] = "peer" }),
        };
        return Card(body, actions);
    }

    /// <summary>The card that replaces the one a client answered (the invoke response).</summary>
    public static Attachment Acknowledgement(string locale) =>
        Card(new JsonArray { TextBlock(locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? "Recibido, gracias." : "Got it, thanks.", large: false) }, []);

    /// <summary>
    /// The HTTP 200 body answering an <c>adaptiveCard/action</c> invoke (Universal Actions): the answered card is
    /// replaced by an acknowledgement so it cannot be submitted twice.
    /// </summary>
    public static AdaptiveCardInvokeResponse InvokeResponse(string locale) =>
        new(200, ContentType, Acknowledgement(locale).Content!.Value);

    private static Attachment Card(JsonArray body, JsonArray actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions.Count > 0)
            card["actions"] = actions;
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card) };
    }

    private static JsonObject TextBlock(string text, bool large) => new()
    {
        ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["size"] = large ? "Medium" : "Default",
        ["weight"] = large ? "Bolder" : "Default",
    };

    private static JsonObject ChoiceSet(string id, IEnumerable<(string Title, string Value)> choices)
    {
        var array = new JsonArray();
        foreach (var (title, value) in choices)
            array.Add(new JsonObject { ["title"] = title, ["value"] = value });
        return new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = id, ["style"] = "expanded", ["choices"] = array };
    }

    private static JsonObject Execute(string title, string verb, JsonObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = data,
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
    };
}

/// <summary>An invoke response body: <c>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{…}}</c>.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value);
