using PeerBot.Dialogs;

namespace PeerBot.Handoff;

/// <summary>What the client hears about their handoff (English and Spanish).</summary>
internal static class HandoffTexts
{
    public static readonly string[] YesNoEn = ["Yes", "No"];
    public static readonly string[] YesNoEs = ["Sí", "No"];

    public static OutgoingMessage Waiting(string locale, int position, TimeSpan? typicalWait)
    {
        var es = IsSpanish(locale);
        var wait = typicalWait is { } w ? Minutes(w, es) : null;
        var text = es
            ? $"Le pedí a un compañero de apoyo que se una. Estás en el lugar {position} de la fila"
              + (wait is null ? ". " : $"; la espera típica es de unos {wait}. ")
              + "Si estás en peligro ahora, llama o envía un texto al 988 (o llama al 911). "
              + "Mientras tanto sigo aquí: escribe menu para ideas para afrontar el momento o recursos."
            : $"I've asked a peer support specialist to join. You're number {position} in line"
              + (wait is null ? ". " : $"; the typical wait is about {wait}. ")
              + "If you are in danger now, call or text 988 (or call 911). "
              + "Meanwhile I'm still here: type menu for coping ideas or resources.";
        return OutgoingMessage.Plain(text);
    }

    public static OutgoingMessage PeerJoined(string locale, string peerName) => OutgoingMessage.Plain(IsSpanish(locale)
        ? $"{peerName}, un compañero de apoyo, se unió a la conversación. Escribe bot para volver conmigo en cualquier momento."
        : $"{peerName}, a peer support specialist, has joined the chat. Type bot to come back to me at any time.");

    public static OutgoingMessage PeerMessage(string peerName, string text) => OutgoingMessage.Plain($"{peerName}: {text}");

    public static OutgoingMessage BackInLine(string locale, int position) => OutgoingMessage.Plain(IsSpanish(locale)
        ? $"Tu compañero de apoyo tuvo que salir. Vuelves a la fila (lugar {position}); alguien se unirá pronto. Si estás en peligro, llama o envía un texto al 988."
        : $"Your peer had to step away. You're back in line (number {position}); someone will join soon. If you are in danger, call or text 988.");

    public static OutgoingMessage BackWithBot(string locale) => OutgoingMessage.Plain(IsSpanish(locale)
        ? "El chat con tu compañero de apoyo terminó. Vuelves a estar conmigo, PeerBot."
        : "Your chat with the peer support specialist has ended. You're back with me, PeerBot.");

    public static OutgoingMessage WasThisHelpful(string locale) => IsSpanish(locale)
        ? new OutgoingMessage("¿Te sirvió hablar con un compañero?", YesNoEs)
        : new OutgoingMessage("Was talking with a peer helpful?", YesNoEn);

    public static OutgoingMessage ThanksForFeedback(string locale) => OutgoingMessage.Plain(IsSpanish(locale)
        ? "Gracias por decírmelo. Escribe menu cuando quieras."
        : "Thank you for telling me. Type menu whenever you like.");

    public static OutgoingMessage CrisisReminder(string locale) => OutgoingMessage.Plain(IsSpanish(locale)
        ? "Todavía estamos buscando un compañero para ti. Si estás en peligro, no esperes: llama o envía un texto al 988, o llama al 911."
        : "We're still finding a peer for you. If you are in danger, please don't wait: call or text 988, or call 911.");

    /// <summary>yes/no to "was this helpful?"; null when the answer is something else.</summary>
    public static bool? ParseYesNo(string text) => text.Trim().Trim('.', '!').ToLowerInvariant() switch
    {
        "yes" or "y" or "1" or "sí" or "si" or "yeah" or "yep" => true,
        "no" or "n" or "2" or "nope" => false,
        _ => null,
    };

    /// <summary><c>bot</c> or <c>end</c> during a live chat returns the client to the bot.</summary>
    public static bool IsLeaveCommand(string text) => text.Trim().Trim('.', '!').ToLowerInvariant() is "bot" or "end" or "fin";

    private static string Minutes(TimeSpan wait, bool es)
    {
        var minutes = Math.Max(1, (int)Math.Round(wait.TotalMinutes));
        return es ? (minutes == 1 ? "1 minuto" : $"{minutes} minutos") : (minutes == 1 ? "1 minute" : $"{minutes} minutes");
    }

    private static bool IsSpanish(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
