using System.Globalization;
using System.Text;

namespace PeerBot.Summaries;

/// <summary>The privacy desk's short replies (the consent text itself is versioned in dialogs/consent).</summary>
internal static class PrivacyTexts
{
    private static bool Es(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);

    public static string OptedIn(string locale) => Es(locale)
        ? "Gracias. Guardaré un resumen breve después de cada conversación. Escribe \"privacidad\" para cambiarlo cuando quieras."
        : "Thank you. I'll keep a short summary after each conversation. Type \"privacy\" to change this any time.";

    public static string OptedOut(string locale) => Es(locale)
        ? "Entendido: no guardaré resúmenes. Nada cambia en la ayuda que recibes."
        : "Got it: no summaries will be kept. Nothing changes about the help you get.";

    public static string NotAnswered(string locale) => Es(locale)
        ? "No he cambiado nada. Escribe \"privacidad\" cuando quieras decidir."
        : "I haven't changed anything. Type \"privacy\" whenever you want to decide.";

    public static string ConfirmErase(string locale) => Es(locale)
        ? "Esto borrará tus resúmenes, tu plan de seguridad, tus metas, tu historial de chequeos y tus preferencias. No se puede deshacer. ¿Borrar todo? (sí / no)"
        : "This erases your summaries, safety plan, goals, check-in history and preferences. It cannot be undone. Erase everything? (yes / no)";

    public static string Erased(string locale) => Es(locale)
        ? "Listo: tus datos se han borrado. Solo queda un registro de que lo pediste, sin contenido."
        : "Done: your data has been erased. Only a record that you asked for this remains, with no content.";

    public static string EraseDeferred(string locale) => Es(locale)
        ? "De acuerdo. Tu conversación con un compañero sigue; tus datos se borrarán cuando termine."
        : "Okay. Your conversation with a peer goes on; your data will be erased when it ends.";

    public static string EraseCancelled(string locale) => Es(locale)
        ? "No he borrado nada."
        : "Nothing was erased.";

    public static string MyData(string locale, bool optedIn, DateTimeOffset? decidedAt, int summaries,
        IReadOnlyList<(DateTimeOffset At, string Narrative)> latest, bool hasFacts)
    {
        var es = Es(locale);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(optedIn
            ? (es ? "Resúmenes: activados" : "Summaries: on")
            : (es ? "Resúmenes: desactivados" : "Summaries: off"));
        if (decidedAt is { } at)
            text.Append(culture, $" ({(es ? "desde" : "since")} {at:yyyy-MM-dd})");
        text.Append(".\n");
        text.Append(es
            ? $"Guardado: {summaries} resumen(es){(hasFacts ? " y notas de la conversación actual" : "")}. Se borran a los 180 días."
            : $"Stored: {summaries} summary(ies){(hasFacts ? " and notes from the current conversation" : "")}. They are deleted after 180 days.");
        foreach (var (when, narrative) in latest)
            text.Append(culture, $"\n• {when:yyyy-MM-dd}: {narrative}");
        text.Append(es
            ? "\nEscribe \"privacidad\" para cambiarlo o \"borrar mis datos\" para borrarlo."
            : "\nType \"privacy\" to change this or \"delete my data\" to erase it.");
        return text.ToString();
    }

    public static bool? YesNo(string text)
    {
        var t = text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        return t switch
        {
            "yes" or "y" or "yeah" or "yep" or "ok" or "okay" or "sure" or "sí" or "si" or "s" or "vale" or "claro" => true,
            "no" or "n" or "nope" or "no thanks" or "no gracias" => false,
            _ => null,
        };
    }
}
