namespace PeerBot.Channels.Sms;

/// <summary>The compliance replies. Short (one SMS segment where possible), English and Spanish.</summary>
public static class SmsTexts
{
    public static string OptedOut(string locale, SmsOptions options) => Es(locale)
        ? $"{options.ProgramName}: te diste de baja y no recibirás más mensajes. Responde START para volver. En crisis llama o escribe al 988."
        : $"{options.ProgramName}: you are unsubscribed and will get no more messages. Reply START to come back. In a crisis call or text 988.";

    public static string OptedIn(string locale, SmsOptions options) => Es(locale)
        ? $"{options.ProgramName}: estás suscrito de nuevo. Responde HELP para ayuda o STOP para darte de baja."
        : $"{options.ProgramName}: you are subscribed again. Reply HELP for help, STOP to opt out.";

    public static string Help(string locale, SmsOptions options)
    {
        var contact = string.IsNullOrWhiteSpace(options.Contact) ? string.Empty : (Es(locale) ? $" o {options.Contact}" : $" or {options.Contact}");
        return Es(locale)
            ? $"{options.ProgramName}: compañero de apoyo entre pares por texto. Para hablar con una persona responde PEER{contact}. En crisis llama o escribe al 988. STOP para darte de baja. Pueden aplicar tarifas."
            : $"{options.ProgramName}: a peer support companion by text. To reach a person reply PEER{contact}. In a crisis call or text 988. Reply STOP to opt out. Msg&data rates may apply.";
    }

    public static string TextOnly(string locale) => Es(locale)
        ? "Por ahora solo puedo leer texto. Escribe tu mensaje, por favor."
        : "I can only read text for now. Please type your message.";

    public static string DiscreetOn(string locale) => Es(locale)
        ? "Listo: modo discreto activado. Escribe DISCREET OFF para desactivarlo."
        : "Done: discreet mode is on. Text DISCREET OFF to turn it off.";

    public static string DiscreetOff(string locale) => Es(locale)
        ? "Listo: modo discreto desactivado."
        : "Done: discreet mode is off.";

    private static bool Es(string locale) => locale.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
