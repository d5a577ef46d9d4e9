namespace PeerBot.Conversations;

/// <summary>The few texts the pipeline itself says (everything else lives in dialogs/).</summary>
internal static class Texts
{
    public static string SomethingWentWrong(string locale) => IsSpanish(locale)
        ? "Perdón, algo falló de mi lado. Volvamos al menú. Si estás en peligro, llama o envía un texto al 988."
        : "Sorry, something went wrong on my side. Let's go back to the menu. If you are in danger, call or text 988.";

    public static bool IsSpanish(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
